using System.Text.RegularExpressions;

namespace Cro.Monitoring.Features.PlansOversight;

/// <summary>
/// ORE's conclusions on the plans' implementation per reporting period, written for the ministry: GET
/// /api/monitoring/plan-conclusions — all, newest period first; PUT …/plan-conclusions/{period} — write or rewrite one
/// (a year "2026", a half "2026-H2" or a quarter "2026-Q4").
/// </summary>
public static partial class PlanConclusions
{
    [OpenApiSchemaName("PlanConclusionsRequest")]
    public sealed record ConclusionsRequest([property: FieldLabel("Wnioski", "Conclusions")] string Text);

    [OpenApiSchemaName("PlanConclusions")]
    public sealed record ConclusionsView(string Period, string Text, DateTimeOffset UpdatedAt);

    [GeneratedRegex("^(20[0-9]{2})(-(H[12]|Q[1-4]))?$")]
    public static partial Regex Period();

    public sealed class Validator : AbstractValidator<ConclusionsRequest>
    {
        public Validator() => RuleFor(r => r.Text).RequiredText(20_000)
            .WithMessage(_ => Text.Pick("Napisz wnioski (do 20 000 znaków).", "Write the conclusions (up to 20,000 characters)."));
    }

    public static IEndpointRouteBuilder MapPlanConclusions(this IEndpointRouteBuilder api)
    {
        api.MapGet("/plan-conclusions", async (DataSession session) => TypedResults.Ok((await session.QueryAsync<ConclusionsView>(
                "SELECT period, text, updated_at FROM plan_conclusions ORDER BY period DESC")).ToList()))
            .WithName("ListPlanConclusions").WithSummary("Wnioski ORE z realizacji planów / ORE's conclusions on the plans' implementation")
            .Produces<List<ConclusionsView>>().RequireAuthorization(Policies.Operator);
        api.MapPut("/plan-conclusions/{period}", WriteAsync)
            .WithName("WritePlanConclusions").WithSummary("Zapisz wnioski za okres / Write the conclusions for a period")
            .Validate<ConclusionsRequest>().Produces<ConclusionsView>().RequireAuthorization(Policies.Operator);
        return api;
    }

    public static IResult? InvalidPeriod(string period) => Period().IsMatch(period) ? null
        : Problems.Field("period", "Okres to rok (2026), półrocze (2026-H2) albo kwartał (2026-Q4).",
            "A period is a year (2026), a half (2026-H2) or a quarter (2026-Q4).");

    private static async Task<IResult> WriteAsync(string period, ConclusionsRequest request, HttpContext context, DataSession session, TimeProvider time)
    {
        if (InvalidPeriod(period) is { } invalid)
        {
            return invalid;
        }
        var view = await session.QuerySingleAsync<ConclusionsView>("""
            INSERT INTO plan_conclusions (period, text, updated_by, updated_at) VALUES (@period, @text, @by, @now)
            ON CONFLICT (period) DO UPDATE SET text = EXCLUDED.text, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
            RETURNING period, text, updated_at
            """, new { period, text = request.Text.Trim(), by = context.User.PersonId(), now = time.GetUtcNow().ToUniversalTime() });
        await session.CommitAsync();
        return TypedResults.Ok(view);
    }
}
