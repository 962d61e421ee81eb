using Cro.ServiceDefaults.Security;
using static Cro.Notifications.Features.Webhooks.Catalogue.WebhookEventTypes;

namespace Cro.Notifications.Features.Webhooks.Catalogue;

/// <summary>
/// Monitoring's events for the partner (scope monitoring.read): a JST's diagnosis, its strategic plan and the plan's
/// implementation reports, as ids, states and counts; their content is the JST's and stays behind the API.
/// </summary>
public static class MonitoringWebhooks
{
    /// <param name="Kind">baseline, after-12-months or after-36-months.</param>
    public sealed record DiagnosisSubmittedData(Guid DiagnosisId, string JstTerc, string Kind, int Round, int SchoolsSubmitted, int SchoolsExcused,
        int Findings, int Recommendations);

    public sealed record DiagnosisAcceptedData(Guid DiagnosisId, string JstTerc, string Kind, int Round, int Findings, int Recommendations);

    public sealed record PlanConsultationOpenedData(Guid PlanId, Guid ConsultationId, string JstTerc, int Version, DateOnly OpensOn, DateOnly ClosesOn);

    public sealed record PlanAdoptedData(Guid PlanId, string JstTerc, int Version, DateOnly AdoptedOn, int Priorities, int Actions, decimal TotalBudget);

    public sealed record PlanAmendedData(Guid PlanId, string JstTerc, int Version);

    /// <param name="Phase">project (the 12 months of the project) or post-project (the 2 years after it).</param>
    public sealed record ReportSubmittedData(Guid ReportId, Guid PlanId, string JstTerc, int Period, string Phase, DateOnly PeriodStart,
        DateOnly PeriodEnd, int Round, bool Late, int Actions, int ActionsDone, int ActionsDelayed, int ActionsAbandoned, decimal Spent);

    public sealed record ReportOverdueData(Guid ReportId, Guid PlanId, string JstTerc, int Period, string Phase, DateOnly DueOn);

    private static readonly Guid ExampleDiagnosis = Guid.Parse("0193d0a0-5e00-7d7a-8b6f-4f5e6d7c8b06");
    private static readonly Guid ExamplePlan = Guid.Parse("0193e1b0-6f00-7e8b-9c7a-5a6f7e8d9c07");
    private static readonly Guid ExampleReport = Guid.Parse("0193f2c0-7a00-7f9c-8d8b-6b7a8f9e0d08");

    public static readonly IReadOnlyList<WebhookEventType> Types =
    [
        Of<DiagnosisSubmitted, DiagnosisSubmittedData>("diagnosis.submitted", WebhookModule.Diagnosis, Scopes.MonitoringRead,
            "JST złożyła diagnozę cyfryzacji swoich szkół do oceny doradcy. / The JST submitted its schools' digitisation diagnosis for review.",
            e => e.JstTerc, e => e.SubmittedAt,
            e => new(e.DiagnosisId, e.JstTerc, e.Kind, e.Round, e.SchoolsSubmitted, e.SchoolsExcused, e.Findings, e.Recommendations),
            new(ExampleDiagnosis, "1465011", "baseline", 1, 23, 1, 6, 4)),
        Of<DiagnosisAccepted, DiagnosisAcceptedData>("diagnosis.accepted", WebhookModule.Diagnosis, Scopes.MonitoringRead,
            "Diagnoza JST przyjęta. / The JST's diagnosis was accepted.",
            e => e.JstTerc, e => e.AcceptedAt,
            e => new(e.DiagnosisId, e.JstTerc, e.Kind, e.Round, e.Findings.Count, e.Recommendations.Count),
            new(ExampleDiagnosis, "1465011", "baseline", 1, 6, 4)),
        Of<PlanDraftOpenedForConsultation, PlanConsultationOpenedData>("plan.consultation-opened", WebhookModule.Plan, Scopes.MonitoringRead,
            "Projekt planu strategicznego JST w konsultacjach. / A draft of the JST's strategic plan was opened for consultation.",
            e => e.JstTerc, e => e.OpenedAt, e => new(e.PlanId, e.ConsultationId, e.JstTerc, e.Version, e.OpensOn, e.ClosesOn),
            new(ExamplePlan, Guid.Parse("0193e1b5-6f10-7e8b-9c7a-5a6f7e8d9c17"), "1465011", 1, new DateOnly(2025, 6, 2), new DateOnly(2025, 6, 30))),
        Of<PlanAdopted, PlanAdoptedData>("plan.adopted", WebhookModule.Plan, Scopes.MonitoringRead,
            "JST przyjęła (lub zmieniła uchwałą) plan strategiczny. / The JST adopted a version of its strategic plan.",
            e => e.JstTerc, e => e.AdoptedAt,
            e => new(e.PlanId, e.JstTerc, e.Version, e.AdoptedOn, e.Priorities, e.Actions, e.TotalBudget),
            new(ExamplePlan, "1465011", 1, new DateOnly(2025, 7, 15), 3, 11, 184_500m)),
        Of<PlanAmended, PlanAmendedData>("plan.amended", WebhookModule.Plan, Scopes.MonitoringRead,
            "JST otworzyła zmianę przyjętego planu. / The JST started an amendment of its adopted plan.",
            e => e.JstTerc, e => e.AmendedAt, e => new(e.PlanId, e.JstTerc, e.Version),
            new(ExamplePlan, "1465011", 2)),
        Of<ReportSubmitted, ReportSubmittedData>("report.submitted", WebhookModule.Reports, Scopes.MonitoringRead,
            "JST złożyła sprawozdanie z realizacji planu za okres. / The JST submitted its implementation report for a period.",
            e => e.JstTerc, e => e.SubmittedAt,
            e => new(e.ReportId, e.PlanId, e.JstTerc, e.Period, e.Phase, e.PeriodStart, e.PeriodEnd, e.Round, e.Late, e.Actions, e.ActionsDone,
                e.ActionsDelayed, e.ActionsAbandoned, e.Spent),
            new(ExampleReport, ExamplePlan, "1465011", 1, "project", new DateOnly(2025, 7, 1), new DateOnly(2025, 9, 30), 1, false, 11, 3, 1, 0, 42_300m)),
        Of<ReportOverdue, ReportOverdueData>("report.overdue", WebhookModule.Reports, Scopes.MonitoringRead,
            "Sprawozdanie JST po terminie. / The JST's report is past its due day.",
            e => e.JstTerc, e => e.OverdueAt, e => new(e.ReportId, e.PlanId, e.JstTerc, e.Period, e.Phase, e.DueOn),
            new(ExampleReport, ExamplePlan, "1465011", 2, "project", new DateOnly(2026, 1, 14))),
    ];
}
