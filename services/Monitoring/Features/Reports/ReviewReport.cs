namespace Cro.Monitoring.Features.Reports;

/// <summary>
/// The review of a submitted report. POST /api/monitoring/reports/{id}/accept — accepts it; POST …/return — returns it to
/// the team with a comment, and the team changes and submits it again. A report of the project's 12 months is reviewed by
/// the JST's advisor (whose token names the JST) or ORE; one of the 2 years after by ORE only (an advisor is refused, 403).
/// Both need it submitted (409 naming its state otherwise); another JST's advisor gets 404.
/// </summary>
public static class ReviewReport
{
    [OpenApiSchemaName("ReportReturnRequest")]
    public sealed record ReturnRequest([property: FieldLabel("Uwagi do poprawy", "What to change")] string Comment);

    public sealed class ReturnValidator : AbstractValidator<ReturnRequest>
    {
        public ReturnValidator() => RuleFor(r => r.Comment).RequiredText(4000)
            .WithMessage(_ => Text.Pick("Napisz, co zespół ma poprawić (do 4000 znaków).", "Write what the team has to change (up to 4000 characters)."));
    }

    public static IEndpointRouteBuilder MapReviewReport(this IEndpointRouteBuilder api)
    {
        api.MapPost("/reports/{id:guid}/accept", AcceptAsync)
            .WithName("AcceptReport").WithSummary("Zaakceptuj sprawozdanie / Accept the report")
            .Produces<ReportView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.AdvisorOrOperator);
        api.MapPost("/reports/{id:guid}/return", ReturnAsync)
            .WithName("ReturnReport").WithSummary("Zwróć sprawozdanie do poprawy / Return the report for changes")
            .Validate<ReturnRequest>().Produces<ReportView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.AdvisorOrOperator);
        return api;
    }

    /// <summary>The submitted report the caller may review, locked; else the refusal (404, 403 for an advisor after the project, 409).</summary>
    private static async Task<(ReportRow? Report, IResult? Refusal)> UnderReviewAsync(DataSession session, HttpContext context, Guid id)
    {
        if (await ReportRow.FindAsync(session, id, forUpdate: true) is not { } report)
        {
            return (null, ReportRow.NotFound());
        }
        var ore = context.User.HasClaim(CroClaims.Role, Roles.Operator) || context.User.HasClaim(CroClaims.Role, Roles.Admin);
        if (report.Phase == ReportPhase.PostProject && !ore)
        {
            return (null, Problems.Forbidden("Po zakończeniu projektu sprawozdania ocenia ORE.", "After the project, reports are reviewed by ORE."));
        }
        if (report.Status != ReportStatus.Submitted)
        {
            return (null, ReportStatus.WrongState(report.Status, "ocenia się sprawozdanie przesłane do oceny.", "a report submitted to review is reviewed."));
        }
        return (report, null);
    }

    private static async Task<IResult> AcceptAsync(Guid id, HttpContext context, DataSession session, TimeProvider time)
    {
        var (report, refusal) = await UnderReviewAsync(session, context, id);
        if (report is null)
        {
            return refusal!;
        }
        var (now, by) = (time.GetUtcNow(), context.User.PersonId());
        await session.ExecuteAsync($"UPDATE reports SET status = '{ReportStatus.Accepted}', accepted_at = @now, accepted_by = @by WHERE id = @id",
            new { id, now = now.ToUniversalTime(), by });
        await report.RecordAsync(session, ReportAction.Accepted, report.Round, null, by, now);
        var view = (await ReportView.FindAsync(session, id, now))!;
        await session.CommitAsync();
        return TypedResults.Ok(view);
    }

    private static async Task<IResult> ReturnAsync(Guid id, ReturnRequest request, HttpContext context, DataSession session, TimeProvider time)
    {
        var (report, refusal) = await UnderReviewAsync(session, context, id);
        if (report is null)
        {
            return refusal!;
        }
        var now = time.GetUtcNow();
        await session.ExecuteAsync($"UPDATE reports SET status = '{ReportStatus.Returned}' WHERE id = @id", new { id });
        await report.RecordAsync(session, ReportAction.Returned, report.Round, request.Comment.Trim(), context.User.PersonId(), now);
        var view = (await ReportView.FindAsync(session, id, now))!;
        await session.CommitAsync();
        return TypedResults.Ok(view);
    }
}
