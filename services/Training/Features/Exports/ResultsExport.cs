using Cro.BuildingBlocks.Exports;
using Cro.Training.Features.Progress;
using Cro.Training.Features.Teams;

namespace Cro.Training.Features.Exports;

/// <summary>
/// GET /api/training/cohorts/{id}/results/export?format=csv|xlsx — a cohort's results, one row per participant
/// and module: attendance, pre-test, best post-test, validation, raised competence, completion and certificate.
/// For the cohort's trainers and operators.
/// </summary>
public static class ResultsExport
{
    private static readonly string[] Headers =
    [
        "Imię i nazwisko", "JST", "Kod TERYT", "Płeć", "Moduł", "Godziny modułu", "Godziny obecności", "Frekwencja %", "Pre-test %", "Post-test %",
        "Podejścia do post-testu", "Walidacja", "Wzrost kompetencji", "Moduł ukończony", "Szkolenie ukończone", "Nr zaświadczenia",
    ];

    public static RouteHandlerBuilder MapResultsExport(this IEndpointRouteBuilder api) => api
        .MapGet("/cohorts/{id:guid}/results/export", HandleAsync)
        .WithName("ExportCohortResults")
        .WithSummary("Wyniki grupy (CSV, XLSX) / A cohort's results (CSV, XLSX)")
        .ProducesTable()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .RequireAuthorization(Policies.TrainerOrOperator);

    private static async Task<IResult> HandleAsync(Guid id, HttpContext context, [RepeatableRead] DataSession session, string format = TableExport.Csv)
    {
        if (TableExport.FormatRefusal(format) is { } refusal)
        {
            return refusal;
        }
        if (await TrainingResults.OpenCohortAsync(session, context, id) is not { } rules)
        {
            return CohortAccess.NotFound();
        }
        var participants = await Standings.ReadAsync(session, rules, null);
        var rows = participants.SelectMany(p => p.Modules.Select(m => (IReadOnlyList<string?>)
        [
            p.FullName, p.JstName, p.JstTerc, p.Sex, $"{m.ModuleCode} {m.Title}", ExportFormat.Number(m.ModuleHours), ExportFormat.Number(m.AttendedHours),
            ExportFormat.Number(m.AttendancePercent), ExportFormat.Number(m.PreTestScore), ExportFormat.Number(m.PostTestScore),
            m.PostTestAttempts.ToString(ExportFormat.Polish), ExportFormat.YesNo(m.Validated), ExportFormat.YesNo(m.Raised), ExportFormat.YesNo(m.Complete),
            ExportFormat.YesNo(p.TrainingComplete), p.CertificateNumber,
        ])).ToList();
        return await TableExport.WriteAsync(context.Response, format, "wyniki-grupy", Headers, rows, session.Cancellation);
    }
}
