using Cro.ServiceDefaults.Security;
using static Cro.Notifications.Features.Webhooks.Catalogue.WebhookEventTypes;

namespace Cro.Notifications.Features.Webhooks.Catalogue;

/// <summary>Training's events for the partner (scope training.read): modules and the whole training completed by a JST's people, counted, not named.</summary>
public static class TrainingWebhooks
{
    /// <param name="ModuleCode">M1 … M5.</param>
    public sealed record ModuleCompletedData(Guid ApplicationId, Guid CohortId, string JstTerc, string ModuleCode, int ProgrammeVersion);

    public sealed record TrainingCompletedData(Guid ApplicationId, Guid CohortId, string JstTerc, int ProgrammeVersion);

    private static readonly Guid ExampleApplication = Guid.Parse("0193a0c4-5a10-7c2e-9a4b-2f1d6e8b7c01");
    private static readonly Guid ExampleCohort = Guid.Parse("0193b2d0-0a00-7f3e-8c1d-9e8f7a6b5c02");

    public static readonly IReadOnlyList<WebhookEventType> Types =
    [
        Of<ModuleCompleted, ModuleCompletedData>("training.module-completed", WebhookModule.Training, Scopes.TrainingRead,
            "Osoba z zespołu JST ukończyła moduł szkolenia (obecność i test końcowy). / A person of the JST's team completed a training module.",
            e => e.JstTerc, e => e.CompletedAt, e => new(e.ApplicationId, e.CohortId, e.JstTerc, e.ModuleCode, e.ProgrammeVersion),
            new(ExampleApplication, ExampleCohort, "1465011", "M3", 1)),
        Of<TrainingCompleted, TrainingCompletedData>("training.completed", WebhookModule.Training, Scopes.TrainingRead,
            "Osoba z zespołu JST ukończyła całe szkolenie (pięć modułów, zaświadczenie). / A person of the JST's team completed the whole training.",
            e => e.JstTerc, e => e.CompletedAt, e => new(e.ApplicationId, e.CohortId, e.JstTerc, e.ProgrammeVersion),
            new(ExampleApplication, ExampleCohort, "1465011", 1)),
    ];
}
