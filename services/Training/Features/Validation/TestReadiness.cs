using Dapper;
using Npgsql;

namespace Cro.Training.Features.Validation;

/// <summary>
/// GET /api/training/tests/readiness — for each module of the current programme, how many questions its bank holds
/// and so whether its pre-test and post-test can be taken at all. Participants' pages offer a test only when it can
/// (a module without questions would answer "no questions yet" after the click), and the operator's pages name the
/// modules whose banks are still empty. Counts only, no questions: for anyone signed in.
/// </summary>
public static class TestReadiness
{
    public sealed record ModuleTestReadiness(string ModuleCode, string ModuleTitle, int Questions, bool Ready);

    public static RouteHandlerBuilder MapTestReadiness(this IEndpointRouteBuilder api) => api
        .MapGet("/tests/readiness", HandleAsync)
        .WithName("TestReadiness")
        .WithSummary("Które moduły mają pytania testowe / Which modules have test questions")
        .Produces<IReadOnlyList<ModuleTestReadiness>>()
        .RequireAuthorization(Policies.Person);

    private static async Task<IResult> HandleAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var modules = await connection.QueryAsync<ModuleTestReadiness>(new CommandDefinition("""
            SELECT m.code AS module_code, m.title AS module_title, count(q.id)::int AS questions, count(q.id) > 0 AS ready
            FROM programme_modules m LEFT JOIN questions q ON q.module_code = m.code
            WHERE m.version = (SELECT max(version) FROM programme_versions)
            GROUP BY m.code, m.title, m.ordinal ORDER BY m.ordinal
            """, cancellationToken: ct));
        return TypedResults.Ok(modules.ToList());
    }
}
