using System.Text.Json;

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

    private static async Task<IResult> HandleAsync(Guid id, ScoringRules rules, DataSession session, TimeProvider time)
    {
        var now = time.GetUtcNow();
        // The round row is locked so two operators saving at once get versions n+1 and n+2, not a clash.
        var exists = await session.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM rounds WHERE id = @id FOR UPDATE)", new { id });
        if (!exists)
        {
            return RoundRows.NotFound();
        }
        await session.ExecuteAsync("""
            INSERT INTO scoring_rules (round_id, version, rules, created_at)
            SELECT @id, max(version) + 1, @rules::jsonb, @now FROM scoring_rules WHERE round_id = @id
            """, new { id, rules = JsonSerializer.Serialize(rules, JsonSerializerOptions.Web), now });
        var row = await session.QuerySingleAsync<RoundRow>(RoundRow.SelectSql + " WHERE r.id = @id", new { id });
        await session.CommitAsync();
        return TypedResults.Ok(row.ToResponse(now));
    }
}
