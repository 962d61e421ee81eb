using Dapper;

namespace Cro.Recruitment.Features.Rounds;

/// <summary>
/// GET /api/recruitment/rounds and /api/recruitment/rounds/{id} — the rounds, newest first, with their
/// rules: public, as the recruitment rules are (visitors and partners read them).
/// </summary>
public static class GetRounds
{
    public static IEndpointRouteBuilder MapGetRounds(this IEndpointRouteBuilder api)
    {
        api.MapGet("/rounds", ListAsync).WithName("ListRounds").WithSummary("Nabory / Recruitment rounds")
            .Produces<IReadOnlyList<RoundResponse>>().AllowAnonymous();
        api.MapGet("/rounds/{id:guid}", GetAsync).WithName("GetRound").WithSummary("Nabór / A recruitment round")
            .Produces<RoundResponse>().ProducesProblem(StatusCodes.Status404NotFound).AllowAnonymous();
        return api;
    }

    private static async Task<IResult> ListAsync(NpgsqlDataSource db, TimeProvider time, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        // Rounds are few (a pilot, then a handful of national rounds): one list, no paging.
        var rows = await connection.QueryAsync<RoundRow>(new CommandDefinition(
            RoundRow.SelectSql + " ORDER BY r.opens_at DESC, r.id", cancellationToken: ct));
        var now = time.GetUtcNow();
        return TypedResults.Ok(rows.Select(r => r.ToResponse(now)).ToList());
    }

    private static async Task<IResult> GetAsync(Guid id, NpgsqlDataSource db, TimeProvider time, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<RoundRow>(new CommandDefinition(
            RoundRow.SelectSql + " WHERE r.id = @id", new { id }, cancellationToken: ct));
        return row is null
            ? RoundRows.NotFound()
            : TypedResults.Ok(row.ToResponse(time.GetUtcNow()));
    }
}
