using Cro.Monitoring.Features.Plans;

namespace Cro.Monitoring.Features.Reports;

/// <summary>
/// GET /api/monitoring/plans/{id}/reports — the plan's reporting periods with the state of each report (empty before the
/// first version is adopted). GET /api/monitoring/reports/{id} — one report in full. For the JST's team, its advisor and
/// ORE; another JST's plan or report is a 404.
/// </summary>
public static class GetReport
{
    /// <param name="Phase"><see cref="ReportPhase"/>: project, post-project.</param>
    /// <param name="Reviewer">advisor or ore.</param>
    /// <param name="Status"><see cref="ReportStatus"/>: draft, submitted, returned, accepted.</param>
    /// <param name="Overdue">Not submitted by its due moment, and not since.</param>
    [OpenApiSchemaName("ReportListItem")]
    public sealed record ReportListItem(Guid Id, int Number, string Phase, string Reviewer, DateOnly StartsOn, DateOnly EndsOn, DateOnly DueOn,
        DateTimeOffset DueAt, string Status, bool Overdue, int DaysOverdue, int Round, DateTimeOffset? SubmittedAt, DateTimeOffset? AcceptedAt,
        int RemindersSent);

    /// <param name="AdoptedOn">The day the plan's first version was adopted, which the periods count from; null before.</param>
    [OpenApiSchemaName("PlanReports")]
    public sealed record PlanReports(Guid PlanId, string JstTerc, string? JstName, DateOnly? AdoptedOn, IReadOnlyList<ReportListItem> Reports);

    public static IEndpointRouteBuilder MapGetReport(this IEndpointRouteBuilder api)
    {
        api.MapGet("/plans/{id:guid}/reports", ListAsync)
            .WithName("ListPlanReports").WithSummary("Sprawozdania z wdrażania planu / The plan's implementation reports")
            .Produces<PlanReports>().ProducesProblem(StatusCodes.Status404NotFound).RequireAuthorization(Policies.AdvisoryParty);
        api.MapGet("/reports/{id:guid}", GetAsync)
            .WithName("GetReport").WithSummary("Sprawozdanie z wdrażania planu / An implementation report")
            .Produces<ReportView>().ProducesProblem(StatusCodes.Status404NotFound).RequireAuthorization(Policies.AdvisoryParty);
        return api;
    }

    private sealed record Head(Guid Id, string JstTerc, string? JstName, DateOnly? AdoptedOn);

    private static async Task<IResult> ListAsync(Guid id, [RepeatableRead] DataSession session, TimeProvider time)
    {
        if (await session.QuerySingleOrDefaultAsync<Head>("""
                SELECT p.id, p.jst_terc, j.name AS jst_name, (SELECT v.adopted_on FROM plan_versions v WHERE v.plan_id = p.id AND v.number = 1) AS adopted_on
                FROM plans p LEFT JOIN jst j ON j.terc = p.jst_terc WHERE p.id = @id
                """, new { id }) is not { } plan)
        {
            return PlanVersionRow.NotFound();
        }
        var now = time.GetUtcNow();
        var rows = await session.QueryAsync<ReportRow>(ReportRow.Select + " WHERE r.plan_id = @id ORDER BY r.number", new { id });
        return TypedResults.Ok(new PlanReports(plan.Id, plan.JstTerc, plan.JstName, plan.AdoptedOn, [.. rows.Select(r => Item(r, now))]));
    }

    public static ReportListItem Item(ReportRow r, DateTimeOffset now) => new(r.Id, r.Number, r.Phase, ReportView.ReviewerOf(r.Phase), r.StartsOn, r.EndsOn,
        r.DueOn, r.DueAt, r.Status, r.IsOverdue(now), ReportView.DaysOverdueOf(r, now), r.Round, r.SubmittedAt, r.AcceptedAt, r.RemindersSent);

    private static async Task<IResult> GetAsync(Guid id, [RepeatableRead] DataSession session, TimeProvider time) =>
        await ReportView.FindAsync(session, id, time.GetUtcNow()) is { } report ? TypedResults.Ok(report) : ReportRow.NotFound();
}
