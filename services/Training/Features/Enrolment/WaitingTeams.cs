using Cro.Training.Features.Teams;
using Dapper;

namespace Cro.Training.Features.Enrolment;

/// <summary>
/// GET /api/training/enrolment/waiting — the accepted teams not yet placed in a cohort, oldest acceptance
/// first, with their active people: what an operator forms cohorts from. At most a round's accepted JST
/// wait at a time (tens, a few hundred in a national round), so the list is not paged.
/// </summary>
public static class WaitingTeams
{
    public static RouteHandlerBuilder MapWaitingTeams(this IEndpointRouteBuilder api) => api
        .MapGet("/enrolment/waiting", HandleAsync)
        .WithName("WaitingTeams")
        .WithSummary("Zespoły JST czekające na przydział do grupy / JST teams waiting to be placed in a cohort")
        .Produces<IReadOnlyList<TeamView>>()
        .RequireAuthorization(Policies.Operator);

    // An operator's session sees every JST.
    private static async Task<IResult> HandleAsync([RepeatableRead] DataSession session)
    {
        var teams = (await session.QueryAsync<TeamRow>(TeamRow.Select
            + " WHERE t.cohort_id IS NULL AND t.withdrawn_at IS NULL AND t.accepted_at IS NOT NULL ORDER BY t.accepted_at, t.application_id")).AsList();
        var people = await session.QueryAsync<ParticipantRow>($"""
            SELECT {ParticipantRow.Columns} FROM participants p
            WHERE p.application_id = ANY (@ids) AND p.left_at IS NULL
            ORDER BY p.is_coordinator DESC, p.enrolled_at, p.full_name
            """, new { ids = teams.Select(t => t.ApplicationId).ToArray() });
        var byTeam = people.ToLookup(p => p.ApplicationId);
        return TypedResults.Ok(teams.Select(t => t.ToView(byTeam[t.ApplicationId])).ToList());
    }
}
