using Cro.Training.Features.Access;
using Cro.Training.Features.Sessions;
using Cro.Training.Features.Teams;
using Dapper;
using FluentValidation;
using Npgsql;

namespace Cro.Training.Features.Cohorts;

/// <summary>
/// PUT /api/training/teams/{applicationId}/cohort — an operator moves a JST team to another cohort, or takes it out
/// of its cohort (cohortId null: the team waits again), with a reason. Its history stays where it happened: the
/// attendance marks of the old cohort's sessions, the test attempts and any certificate are kept, and count in the
/// new cohort's results (modules are the same by code across programme versions). Every change is recorded (who,
/// when, from, to, why) in a table nobody can edit; GET …/cohort-changes lists it. Refused: a team that is not
/// enrolled (404), an unknown cohort (422), a withdrawn team (409), a cohort whose coming sessions cannot seat it
/// (409, see <see cref="SessionCapacity"/>). A move to the cohort it is in changes nothing and records nothing.
/// </summary>
public static class MoveTeam
{
    public sealed record TeamCohortRequest(Guid? CohortId, string Reason);

    public sealed record TeamCohortChange(Guid Id, Guid? FromCohortId, string? FromCohortName, Guid? ToCohortId, string? ToCohortName, string Reason,
        Guid? ChangedBy, string? ChangedByName, DateTimeOffset ChangedAt);

    public sealed class Validator : AbstractValidator<TeamCohortRequest>
    {
        public Validator() => RuleFor(r => r.Reason).RequiredText(1000)
            .WithMessage(_ => Text.Pick("Podaj powód przeniesienia zespołu (do 1000 znaków).", "Give the reason for moving the team (up to 1000 characters)."));
    }

    private sealed record Current(Guid? CohortId, DateTimeOffset? WithdrawnAt, DateTimeOffset? AcceptedAt, string JstName);

    public static IEndpointRouteBuilder MapMoveTeam(this IEndpointRouteBuilder api)
    {
        api.MapPut("/teams/{applicationId:guid}/cohort", MoveAsync)
            .WithName("MoveTeamToCohort").WithSummary("Przenieś zespół JST do innej grupy albo wyłącz go z grupy / Move a JST team to another cohort, or out of one")
            .Validate<TeamCohortRequest>().Produces<TeamView>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Policies.Operator);
        api.MapGet("/teams/{applicationId:guid}/cohort-changes", ChangesAsync)
            .WithName("TeamCohortChanges").WithSummary("Historia przeniesień zespołu między grupami / A team's moves between cohorts")
            .Produces<IReadOnlyList<TeamCohortChange>>().ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Operator);
        return api;
    }

    private static async Task<IResult> MoveAsync(Guid applicationId, TeamCohortRequest request, HttpContext context, DataSession session,
        TimeProvider time)
    {
        var now = time.GetUtcNow();
        // The target cohort first, then the team, in the order placing teams locks them: changes of one cohort queue up.
        if (request.CohortId is { } target && !await session.ExecuteScalarAsync<bool>(
                "SELECT EXISTS (SELECT 1 FROM cohorts WHERE id = @target FOR UPDATE)", new { target }))
        {
            return Problems.Unprocessable("Nie ma takiej grupy.", "There is no such cohort.");
        }
        var team = await session.QuerySingleOrDefaultAsync<Current>(
            "SELECT cohort_id, withdrawn_at, accepted_at, jst_name FROM teams WHERE application_id = @applicationId FOR UPDATE", new { applicationId });
        if (team?.AcceptedAt is null)
        {
            return ProblemDetailsDefaults.NotFound("Nie ma takiego zespołu w szkoleniu.", "There is no such team in the training.");
        }
        if (team.WithdrawnAt is not null)
        {
            return Problems.Conflict("JST wycofała się.", "The JST withdrew.",
                $"{team.JstName} wycofała się z projektu; jej zespołu nie przenosi się między grupami.",
                $"{team.JstName} withdrew from the project; its team is not moved between cohorts.");
        }
        if (team.CohortId != request.CohortId)
        {
            if (request.CohortId is { } to && await SessionCapacity.PlacementRefusalAsync(session, to, [applicationId], now) is { } tooSmall)
            {
                return tooSmall;
            }
            var caller = Caller.From(context.User);
            await session.ExecuteAsync("""
                UPDATE teams SET cohort_id = @to WHERE application_id = @applicationId;
                INSERT INTO team_cohort_changes (id, application_id, from_cohort_id, to_cohort_id, reason, changed_by, changed_by_name, changed_at)
                VALUES (@id, @applicationId, @from, @to, @reason, @by, @name, @now);
                """, new
            {
                id = Guid.CreateVersion7(), applicationId, from = team.CohortId, to = request.CohortId, reason = request.Reason.Trim(),
                by = caller.UserId, name = caller.Name ?? caller.Email, now = now.ToUniversalTime(),
            });
        }
        var row = await session.QuerySingleAsync<TeamRow>(TeamRow.Select + " WHERE t.application_id = @applicationId", new { applicationId });
        var view = await TeamRow.ViewAsync(session, row);
        await session.CommitAsync();
        return TypedResults.Ok(view);
    }

    private static async Task<IResult> ChangesAsync(Guid applicationId, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT EXISTS (SELECT 1 FROM teams WHERE application_id = @applicationId)",
                new { applicationId }, cancellationToken: ct)))
        {
            return ProblemDetailsDefaults.NotFound("Nie ma takiego zespołu w szkoleniu.", "There is no such team in the training.");
        }
        var changes = await connection.QueryAsync<TeamCohortChange>(new CommandDefinition("""
            SELECT x.id, x.from_cohort_id, f.name AS from_cohort_name, x.to_cohort_id, t.name AS to_cohort_name, x.reason, x.changed_by,
                   x.changed_by_name, x.changed_at
            FROM team_cohort_changes x LEFT JOIN cohorts f ON f.id = x.from_cohort_id LEFT JOIN cohorts t ON t.id = x.to_cohort_id
            WHERE x.application_id = @applicationId ORDER BY x.changed_at, x.id
            """, new { applicationId }, cancellationToken: ct));
        return TypedResults.Ok(changes.ToList());
    }
}
