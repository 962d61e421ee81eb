namespace Cro.Monitoring.Features.Reports;

/// <summary>
/// PUT /api/monitoring/reports/{id}/content?revision=N — the JST's team saves its report as a draft, whole, naming the
/// revision it changed (a save over someone else's newer one is a 409), while it is a draft or returned for changes (409
/// otherwise). It may cover some actions only; what it gives must be right (each field's error named, 400), and name
/// actions and goals of the plan's version in force at the period's end. Nothing is written on a refusal.
/// </summary>
public static class SaveReport
{
    public static RouteHandlerBuilder MapSaveReport(this IEndpointRouteBuilder api) => api
        .MapPut("/reports/{id:guid}/content", HandleAsync)
        .WithName("SaveReportContent").WithSummary("Zapisz sprawozdanie (wersja robocza) / Save the report (a draft)")
        .Validate<ReportContent>().Produces<ReportView>()
        .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
        .RequireAuthorization(Policies.JstTeam);

    private static async Task<IResult> HandleAsync(Guid id, int revision, ReportContent content, HttpContext context, DataSession session, TimeProvider time)
    {
        if (await ReportRow.ForTeamAsync(session, context.User, id) is not { } report)
        {
            return ReportRow.NotFound();
        }
        if (!ReportStatus.IsEditable(report.Status))
        {
            return ReportStatus.WrongState(report.Status, "zespół pisze sprawozdanie w przygotowaniu albo zwrócone do poprawy.",
                "the team writes a report while it is a draft or returned for changes.");
        }
        if (report.Revision != revision)
        {
            return Problems.Conflict("Sprawozdanie zmieniło się w międzyczasie.", "The report changed meanwhile.",
                $"Zapisujesz zmiany wersji {revision}, a sprawozdanie ma już wersję {report.Revision} (zapisał ją ktoś inny); wczytaj je ponownie.",
                $"You save changes to revision {revision}, but the report is at revision {report.Revision} (someone else saved it); load it again.");
        }
        var version = await ReportView.ReportedVersionAsync(session, report);
        if (await ReportReferences.CheckAsync(session, report, version, content) is { } invalid)
        {
            return invalid;
        }
        var now = time.GetUtcNow();
        var saved = content with
        {
            Summary = string.IsNullOrWhiteSpace(content.Summary) ? null : content.Summary.Trim(),
            Actions = content.Actions ?? [],
            Goals = content.Goals ?? [],
        };
        await session.ExecuteAsync("""
            UPDATE reports SET content = @content::jsonb, revision = revision + 1, updated_by = @by, updated_at = @now WHERE id = @id
            """, new { id, content = ReportJson.Of(saved), by = context.User.PersonId(), now = now.ToUniversalTime() });
        var view = (await ReportView.FindAsync(session, id, now))!;
        await session.CommitAsync();
        return TypedResults.Ok(view);
    }
}
