using System.Text.Json;
using Cro.ServiceDefaults;
using Cro.ServiceDefaults.Security;
using Dapper;
using Npgsql;

namespace Cro.Recruitment.Features.Rounds;

/// <summary>
/// PUT /api/recruitment/rounds/{id}/scoring — new scoring rules for a round, as the next version; the
/// earlier versions stay, so every decision can still be explained by the rules it used.
/// </summary>
public static class ChangeScoringRules
{
    public static RouteHandlerBuilder MapChangeScoringRules(this IEndpointRouteBuilder api) => api
        .MapPut("/rounds/{id:guid}/scoring", HandleAsync)
        .WithName("ChangeScoringRules")
        .WithSummary("Nowa wersja zasad punktacji / New version of the scoring rules")
        .Validate<ScoringRules>()
        .Produces<RoundResponse>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .RequireAuthorization(Policies.Operator);

    private static async Task<IResult> HandleAsync(Guid id, ScoringRules rules, NpgsqlDataSource db, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        // The round row is locked so two operators saving at once get versions n+1 and n+2, not a clash.
        var exists = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM rounds WHERE id = @id FOR UPDATE)", new { id }, transaction, cancellationToken: ct));
        if (!exists)
        {
            return RoundRows.NotFound();
        }
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO scoring_rules (round_id, version, rules, created_at)
            SELECT @id, max(version) + 1, @rules::jsonb, @now FROM scoring_rules WHERE round_id = @id
            """, new { id, rules = JsonSerializer.Serialize(rules, JsonSerializerOptions.Web), now }, transaction, cancellationToken: ct));
        var row = await connection.QuerySingleAsync<RoundRow>(new CommandDefinition(
            RoundRow.SelectSql + " WHERE r.id = @id", new { id }, transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
        return TypedResults.Ok(row.ToResponse(now));
    }
}
