namespace Cro.Publishing.Features.Proposals;

/// <summary>
/// GET /api/publishing/proposals — the proposals the caller sees, newest first: a JST's team those to its JST, an advisor
/// those to the JST they advise and their own, a trainer their own, ORE all (filtered by <c>jst</c> and <c>status</c>); the 500 newest.
/// </summary>
public static class ListProposals
{
    public static RouteHandlerBuilder MapListProposals(this IEndpointRouteBuilder api) => api
        .MapGet("/proposals", HandleAsync)
        .WithName("ListPracticeProposals").WithSummary("Propozycje opisania dobrych praktyk / Proposals to describe good practices")
        .Produces<IReadOnlyList<ProposalView>>().RequireAuthorization(Policies.Person);

    private static async Task<IResult> HandleAsync(HttpContext context, [RepeatableRead] DataSession session, string? jst = null, string? status = null)
    {
        var me = context.User.PersonId();
        var scope = session.Scope;
        // Row-level security shows the JST in the caller's scope; a proposer's own proposals are theirs whatever JST they went to.
        await session.ChangeScopeAsync(JstScope.All);
        var rows = await session.QueryAsync<ProposalView>(ProposalView.Select + """
             WHERE (@all OR p.jst_terc = ANY (@tercs) OR p.proposed_by = @me)
               AND (@jst::text IS NULL OR p.jst_terc = @jst) AND (@status::text IS NULL OR p.status = @status)
            ORDER BY p.proposed_at DESC, p.id DESC
            LIMIT 500
            """, new { all = scope.IncludesAll, tercs = scope.Tercs.ToArray(), me, jst, status });
        return TypedResults.Ok(rows.ToList());
    }
}
