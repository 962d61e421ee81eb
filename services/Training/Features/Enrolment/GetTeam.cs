using Cro.ServiceDefaults;
using Cro.ServiceDefaults.Security;
using Cro.Training.Features.Cohorts;
using Cro.Training.Features.Access;
using Dapper;
using Npgsql;

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

    private static async Task<IResult> HandleAsync(Guid applicationId, HttpContext context, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        await TrainingScope.SetAsync(transaction, context.User, ct);
        var team = await connection.QuerySingleOrDefaultAsync<TeamRow>(new CommandDefinition(TeamRow.Select + " WHERE t.application_id = @applicationId",
            new { applicationId }, transaction, cancellationToken: ct));
        // teams has no row-level security (no personal data), so the check is here; the people are filtered by the database as well.
        // A trainer sees the teams of their own cohorts, not every team their JST ever had.
        var visible = team is not null && (JstScope.For(context.User).CanSee(team.JstTerc)
            || (team.CohortId is { } cohortId && await CohortAccess.RoleAsync(transaction, Caller.From(context.User), cohortId, ct) == CohortRole.Trainer));
        if (!visible)
        {
            return ProblemDetailsDefaults.NotFound("Nie ma takiego zespołu albo nie masz do niego dostępu.", "There is no such team, or you have no access to it.");
        }
        var people = await connection.QueryAsync<ParticipantRow>(new CommandDefinition($"""
            SELECT {ParticipantRow.Columns} FROM participants p WHERE p.application_id = @applicationId
            ORDER BY p.left_at NULLS FIRST, p.is_coordinator DESC, p.full_name
            """, new { applicationId }, transaction, cancellationToken: ct));
        return TypedResults.Ok(team!.ToView(people));
    }
}
