using Cro.Training.Features.Access;
using Cro.Training.Features.Teams;

namespace Cro.Training.Features.Enrolment;

/// <summary>
/// GET /api/training/teams/{applicationId} — a JST team in the training with all its people (those who
/// left too, with the date): for the JST's own team, the trainers of its cohort and operators. Anyone else
/// gets 404, whether the team exists or not.
/// </summary>
public static class GetTeam
{
    public static RouteHandlerBuilder MapGetTeam(this IEndpointRouteBuilder api) => api
        .MapGet("/teams/{applicationId:guid}", HandleAsync)
        .WithName("GetTrainingTeam")
        .WithSummary("Zespół JST w szkoleniu / A JST team in the training")
        .Produces<TeamView>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .RequireAuthorization(Policies.Person);

    private static async Task<IResult> HandleAsync(Guid applicationId, HttpContext context, [RepeatableRead] DataSession session)
    {
        var team = await session.QuerySingleOrDefaultAsync<TeamRow>(TeamRow.Select + " WHERE t.application_id = @applicationId", new { applicationId });
        // teams has no row-level security (no personal data), so the check is here; the people are filtered by the database as well.
        // A trainer sees the teams of their own cohorts, not every team their JST ever had.
        var visible = team is not null && (JstScope.For(context.User).CanSee(team.JstTerc)
            || (team.CohortId is { } cohortId && await CohortAccess.RoleAsync(session, Caller.From(context.User), cohortId) == CohortRole.Trainer));
        if (!visible)
        {
            return ProblemDetailsDefaults.NotFound("Nie ma takiego zespołu albo nie masz do niego dostępu.", "There is no such team, or you have no access to it.");
        }
        return TypedResults.Ok(await TeamRow.ViewAsync(session, team!));
    }
}
