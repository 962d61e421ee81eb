using Cro.Advisory.Features.Access;

namespace Cro.Advisory.Features.Advisors;

/// <summary>
/// GET /api/advisory/advisors — every advisor with their load (ORE: advisors' load). GET /api/advisory/advisors/me —
/// the signed-in advisor's own record (404 until an operator registers them).
/// </summary>
public static class ListAdvisors
{
    public static IEndpointRouteBuilder MapListAdvisors(this IEndpointRouteBuilder api)
    {
        api.MapGet("/advisors", ListAsync)
            .WithName("ListAdvisors").WithSummary("Doradcy i ich obciążenie / Advisors and their load")
            .Produces<IReadOnlyList<AdvisorView>>()
            .RequireAuthorization(Policies.Operator);
        api.MapGet("/advisors/me", MeAsync)
            .WithName("MyAdvisorRecord").WithSummary("Moje dane doradcy / My advisor record")
            .Produces<AdvisorView>().ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.AdvisorOrOperator);
        return api;
    }

    private static async Task<IResult> ListAsync(DataSession session) =>
        TypedResults.Ok((await session.QueryAsync<AdvisorRow>(AdvisorRow.Select + " ORDER BY a.active DESC, a.full_name, a.id")).Select(a => a.ToView()).ToList());

    private static async Task<IResult> MeAsync(HttpContext context, DataSession session)
    {
        var caller = Caller.From(context.User);
        var me = await session.QuerySingleOrDefaultAsync<AdvisorRow>(AdvisorRow.Select + $" WHERE {Caller.Match("a")} LIMIT 1",
            new { caller.UserId, Email = caller.Email ?? "" });
        return me is null
            ? ProblemDetailsDefaults.NotFound("Nie jesteś zarejestrowany jako doradca.", "You are not registered as an advisor.")
            : TypedResults.Ok(me.ToView());
    }
}
