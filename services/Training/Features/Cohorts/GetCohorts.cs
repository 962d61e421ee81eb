using Cro.Training.Features.Access;
using Cro.Training.Features.Teams;
using Dapper;
using Npgsql;

namespace Cro.Training.Features.Cohorts;

/// <summary>
/// GET /api/training/cohorts — every cohort for operators, their own for trainers, newest first;
/// GET /api/training/cohorts/{id} — one cohort for its operator, trainers and participants (a participant
/// sees the people of their own team only). Anyone else gets 404.
/// </summary>
public static class GetCohorts
{
    public sealed record CohortSummary(Guid Id, string Name, int ProgrammeVersion, int Teams, int Sessions, DateTimeOffset? NextSessionAt,
        DateTimeOffset CreatedAt);

    public static IEndpointRouteBuilder MapGetCohorts(this IEndpointRouteBuilder api)
    {
        api.MapGet("/cohorts", ListAsync)
            .WithName("ListCohorts").WithSummary("Grupy szkoleniowe / Cohorts")
            .Produces<IReadOnlyList<CohortSummary>>().RequireAuthorization(Policies.TrainerOrOperator);
        api.MapGet("/cohorts/{id:guid}", GetAsync)
            .WithName("GetCohort").WithSummary("Grupa szkoleniowa / A cohort")
            .Produces<CohortView>().ProducesProblem(StatusCodes.Status404NotFound).RequireAuthorization(Policies.Person);
        return api;
    }

    // Cohorts are few (a pilot of 50 JST makes a handful; a national round some dozens): one list, no paging.
    private static async Task<IResult> ListAsync(HttpContext context, NpgsqlDataSource db, TimeProvider time, CancellationToken ct)
    {
        var caller = Caller.From(context.User);
        await using var connection = await db.OpenConnectionAsync(ct);
        var cohorts = await connection.QueryAsync<CohortSummary>(new CommandDefinition($"""
            SELECT c.id, c.name, c.programme_version,
                   (SELECT count(*)::int FROM teams t WHERE t.cohort_id = c.id) AS teams,
                   (SELECT count(*)::int FROM sessions s WHERE s.cohort_id = c.id) AS sessions,
                   (SELECT min(s.starts_at) FROM sessions s WHERE s.cohort_id = c.id AND s.ends_at > @now AND s.cancelled_at IS NULL) AS next_session_at,
                   c.created_at
            FROM cohorts c
            WHERE @IsOperator OR EXISTS (SELECT 1 FROM cohort_trainers ct WHERE ct.cohort_id = c.id AND {Caller.Match("ct")})
            ORDER BY c.created_at DESC, c.id
            """, new { caller.IsOperator, caller.UserId, caller.Email, now = time.GetUtcNow().ToUniversalTime() }, cancellationToken: ct));
        return TypedResults.Ok(cohorts.ToList());
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext context, [RepeatableRead] DataSession session)
    {
        if (await CohortAccess.RoleAsync(session, Caller.From(context.User), id) == CohortRole.None)
        {
            return CohortAccess.NotFound();
        }
        var cohort = await CohortViews.FindAsync(session, id);
        return cohort is null ? CohortAccess.NotFound() : TypedResults.Ok(cohort);
    }
}
