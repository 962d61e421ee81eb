namespace Cro.Monitoring.Features.Plans;

/// <summary>
/// GET /api/monitoring/plans — the plans the caller sees (the team its own, an advisor those of the JST they advise, ORE
/// all, filtered by <c>jst</c>), by JST. GET …/plans/{id} — one plan with its latest version in full; GET
/// …/plans/{id}/versions/{number} — any earlier version, as it was (an adopted one stays readable after an amendment).
/// </summary>
public static class GetPlan
{
    /// <param name="Status">The latest version's <see cref="PlanStatus"/>.</param>
    /// <param name="AdoptedOn">The day the version in force was adopted; null before the first adoption.</param>
    [OpenApiSchemaName("PlanListItem")]
    public sealed record PlanListItem(Guid Id, string JstTerc, string? JstName, int Version, string Status, DateOnly? AdoptedOn, DateTimeOffset UpdatedAt);

    public static IEndpointRouteBuilder MapGetPlan(this IEndpointRouteBuilder api)
    {
        api.MapGet("/plans", ListAsync)
            .WithName("ListPlans").WithSummary("Plany strategiczne JST / The JST's strategic plans")
            .Produces<IReadOnlyList<PlanListItem>>().RequireAuthorization(Policies.AdvisoryParty);
        api.MapGet("/plans/{id:guid}", async (Guid id, [RepeatableRead] DataSession session) =>
                await PlanView.FindAsync(session, id) is { } plan ? Results.Ok(plan) : PlanVersionRow.NotFound())
            .WithName("GetPlan").WithSummary("Plan strategiczny JST / The JST's strategic plan")
            .Produces<PlanView>().ProducesProblem(StatusCodes.Status404NotFound).RequireAuthorization(Policies.AdvisoryParty);
        api.MapGet("/plans/{id:guid}/versions/{number:int}", VersionAsync)
            .WithName("GetPlanVersion").WithSummary("Wersja planu / A version of the plan")
            .Produces<PlanVersionView>().ProducesProblem(StatusCodes.Status404NotFound).RequireAuthorization(Policies.AdvisoryParty);
        return api;
    }

    private static async Task<IResult> ListAsync([RepeatableRead] DataSession session, string? jst = null) =>
        TypedResults.Ok((await session.QueryAsync<PlanListItem>("""
            SELECT p.id, p.jst_terc, j.name AS jst_name, v.number AS version, v.status,
                   (SELECT max(a.adopted_on) FROM plan_versions a WHERE a.plan_id = p.id AND a.status = 'adopted') AS adopted_on, v.updated_at
            FROM plans p LEFT JOIN jst j ON j.terc = p.jst_terc
            JOIN LATERAL (SELECT number, status, updated_at FROM plan_versions WHERE plan_id = p.id ORDER BY number DESC LIMIT 1) v ON true
            WHERE @jst::text IS NULL OR p.jst_terc = @jst
            ORDER BY j.name COLLATE "pl-x-icu", p.jst_terc
            """, new { jst })).ToList());

    private static async Task<IResult> VersionAsync(Guid id, int number, [RepeatableRead] DataSession session) =>
        (await PlanVersionRow.ListAsync(session, id)).FirstOrDefault(v => v.Number == number) is { } version
            ? TypedResults.Ok(PlanVersionView.Of(version))
            : ProblemDetailsDefaults.NotFound("Plan nie ma takiej wersji.", "The plan has no such version.");
}
