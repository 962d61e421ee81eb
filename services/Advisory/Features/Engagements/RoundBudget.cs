using Microsoft.Extensions.Options;

namespace Cro.Advisory.Features.Engagements;

/// <summary>
/// GET/PUT /api/advisory/rounds/{roundId}/budget — the hours of advice each JST of a round gets (data per round; the
/// programme's default until an operator sets one). A change applies to engagements assigned after it.
/// </summary>
public static class RoundBudget
{
    public sealed record RoundBudgetRequest(decimal Hours);

    public sealed record RoundBudgetResponse(Guid RoundId, decimal Hours, bool IsDefault);

    public sealed class Validator : AbstractValidator<RoundBudgetRequest>
    {
        public Validator() => RuleFor(r => r.Hours).InclusiveBetween(1, 1000)
            .WithMessage(_ => Text.Pick("Budżet to od 1 do 1000 godzin.", "The budget is 1 to 1000 hours."));
    }

    public static IEndpointRouteBuilder MapRoundBudget(this IEndpointRouteBuilder api)
    {
        api.MapGet("/rounds/{roundId:guid}/budget", GetAsync)
            .WithName("GetRoundAdvisoryBudget").WithSummary("Budżet godzin doradztwa JST naboru / A round's advisory hours per JST")
            .Produces<RoundBudgetResponse>()
            .RequireAuthorization(Policies.Operator);
        api.MapPut("/rounds/{roundId:guid}/budget", SetAsync)
            .WithName("SetRoundAdvisoryBudget").WithSummary("Ustaw budżet godzin doradztwa JST naboru / Set a round's advisory hours per JST")
            .Validate<RoundBudgetRequest>().Produces<RoundBudgetResponse>()
            .RequireAuthorization(Policies.Operator);
        return api;
    }

    private static async Task<IResult> GetAsync(Guid roundId, DataSession session, IOptions<AdvisoryOptions> options)
    {
        var hours = await session.QuerySingleOrDefaultAsync<decimal?>("SELECT hours FROM round_budgets WHERE round_id = @roundId", new { roundId });
        return TypedResults.Ok(new RoundBudgetResponse(roundId, hours ?? options.Value.DefaultHoursBudget, hours is null));
    }

    private static async Task<IResult> SetAsync(Guid roundId, RoundBudgetRequest request, HttpContext context, DataSession session, TimeProvider time)
    {
        await session.ExecuteAsync("""
            INSERT INTO round_budgets (round_id, hours, changed_by, changed_at) VALUES (@roundId, @Hours, @by, @now)
            ON CONFLICT (round_id) DO UPDATE SET hours = excluded.hours, changed_by = excluded.changed_by, changed_at = excluded.changed_at
            """, new { roundId, request.Hours, by = context.User.PersonId(), now = time.GetUtcNow().ToUniversalTime() });
        await session.CommitAsync();
        return TypedResults.Ok(new RoundBudgetResponse(roundId, request.Hours, false));
    }
}
