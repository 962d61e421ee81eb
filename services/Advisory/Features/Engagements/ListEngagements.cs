namespace Cro.Advisory.Features.Engagements;

/// <summary>
/// GET /api/advisory/engagements — the engagements the caller may see, with burn-down and warnings: ORE every one
/// (optionally of one round, or only those with warnings), an advisor their JST, a team its own. GET …/{id} — one.
/// Row-level security decides what "may see" means; a JST out of scope is 404, as if it did not exist.
/// </summary>
public static class ListEngagements
{
    public static IEndpointRouteBuilder MapListEngagements(this IEndpointRouteBuilder api)
    {
        api.MapGet("/engagements", ListAsync)
            .WithName("ListEngagements").WithSummary("Doradztwa z wykorzystaniem godzin i ostrzeżeniami / Advisories with hours and warnings")
            .Produces<IReadOnlyList<EngagementView>>()
            .RequireAuthorization(Policies.AdvisoryParty);
        api.MapGet("/engagements/{id:guid}", GetAsync)
            .WithName("GetEngagement").WithSummary("Doradztwo JST / A JST's advisory")
            .Produces<EngagementView>().ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.AdvisoryParty);
        return api;
    }

    private static async Task<IResult> ListAsync(Guid? roundId, bool? withWarnings, bool? includeEnded, DataSession session, TimeProvider time)
    {
        var now = time.GetUtcNow();
        var rows = await session.QueryAsync<EngagementRow>(EngagementRow.Select + """
             WHERE (@roundId::uuid IS NULL OR e.round_id = @roundId) AND (@includeEnded OR e.ended_at IS NULL)
            ORDER BY t.jst_name, e.created_at
            """, new { roundId, includeEnded = includeEnded ?? false });
        var views = rows.Select(r => r.ToView(now)).Where(v => withWarnings != true || v.Warnings.Count > 0).ToList();
        return TypedResults.Ok(views);
    }

    private static async Task<IResult> GetAsync(Guid id, DataSession session, TimeProvider time)
    {
        var row = await session.QuerySingleOrDefaultAsync<EngagementRow>(EngagementRow.Select + " WHERE e.id = @id", new { id });
        return row is null ? HandOver.NotFound() : TypedResults.Ok(row.ToView(time.GetUtcNow()));
    }
}
