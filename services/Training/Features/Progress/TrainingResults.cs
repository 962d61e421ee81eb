using Cro.ServiceDefaults.Security;
using Cro.Training.Features.Access;
using Cro.Training.Features.Cohorts;
using Cro.Training.Features.Enrolment;
using Dapper;
using Npgsql;

namespace Cro.Training.Features.Progress;

/// <summary>
/// Results. GET /api/training/me/results — the caller's own standing in each module of their cohort
/// (attendance, pre-test, best post-test, validated, raised, complete) and their certificate;
/// GET /api/training/cohorts/{id}/results — every participant of a cohort, for its trainers and operators
/// (anyone else 404).
/// </summary>
public static class TrainingResults
{
    public sealed record CohortResults(CohortRules Rules, IReadOnlyList<ParticipantStanding> Participants);

    public static IEndpointRouteBuilder MapResults(this IEndpointRouteBuilder api)
    {
        api.MapGet("/me/results", MineAsync)
            .WithName("MyResults").WithSummary("Moje wyniki / My results")
            .Produces<IReadOnlyList<CohortResults>>().RequireAuthorization(Policies.Person);
        api.MapGet("/cohorts/{id:guid}/results", CohortAsync)
            .WithName("CohortResults").WithSummary("Wyniki grupy / A cohort's results")
            .Produces<CohortResults>().ProducesProblem(StatusCodes.Status404NotFound).RequireAuthorization(Policies.TrainerOrOperator);
        return api;
    }

    private static async Task<IResult> MineAsync(HttpContext context, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        await TrainingScope.SetAsync(transaction, context.User, ct);
        var mine = await ParticipantRow.MineAsync(transaction, Caller.From(context.User), ct);
        var places = await connection.QueryAsync<(Guid ParticipantId, Guid CohortId)>(new CommandDefinition("""
            SELECT p.id, t.cohort_id FROM participants p JOIN teams t ON t.application_id = p.application_id
            WHERE p.id = ANY (@ids) AND t.cohort_id IS NOT NULL
            """, new { ids = mine.Select(p => p.Id).ToArray() }, transaction, cancellationToken: ct));
        var results = new List<CohortResults>();
        foreach (var (participantId, cohortId) in places)
        {
            var rules = (await Standings.RulesAsync(transaction, cohortId, ct))!;
            results.Add(new CohortResults(rules, await Standings.ReadAsync(transaction, rules, participantId, ct)));
        }
        return TypedResults.Ok(results);
    }

    private static async Task<IResult> CohortAsync(Guid id, HttpContext context, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        if (await OpenCohortAsync(transaction, context, id, ct) is not { } rules)
        {
            return CohortAccess.NotFound();
        }
        return TypedResults.Ok(new CohortResults(rules, await Standings.ReadAsync(transaction, rules, null, ct)));
    }

    /// <summary>The cohort's rules when the caller is its trainer or an operator (under their scope); null otherwise.</summary>
    internal static async Task<CohortRules?> OpenCohortAsync(NpgsqlTransaction transaction, HttpContext context, Guid cohortId, CancellationToken ct)
    {
        await TrainingScope.SetAsync(transaction, context.User, ct);
        return await CohortAccess.RoleAsync(transaction, Caller.From(context.User), cohortId, ct) is CohortRole.Trainer or CohortRole.Operator
            ? await Standings.RulesAsync(transaction, cohortId, ct)
            : null;
    }
}
