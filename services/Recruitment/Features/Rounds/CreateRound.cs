using System.Text.Json;
using Cro.Recruitment.Features.Registry;
using FluentValidation;

namespace Cro.Recruitment.Features.Rounds;

/// <summary>
/// POST /api/recruitment/rounds — an operator opens a round: its window (entered in Europe/Warsaw
/// time, sent with the offset, stored UTC), capacity, eligible kinds of JST, team size, targets by
/// sex and scoring rules (version 1; the programme's defaults when none are given).
/// </summary>
public static class CreateRound
{
    public sealed record CreateRoundRequest([property: FieldLabel("Nazwa naboru", "Name of the round")] string Name, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, int Capacity,
        IReadOnlyList<string> EligibleKinds, int TeamMin = 3, int TeamMax = 4, int TargetWomen = 0, int TargetMen = 0,
        ScoringRules? Scoring = null);

    public sealed class Validator : AbstractValidator<CreateRoundRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Name).NotEmpty().MaximumLength(200)
                .WithMessage(_ => Text.Pick("Podaj nazwę naboru (do 200 znaków).", "Give the round a name (up to 200 characters)."));
            RuleFor(r => r.ClosesAt).GreaterThan(r => r.OpensAt)
                .WithMessage(_ => Text.Pick("Nabór musi się zamykać później, niż się otwiera.", "The round must close after it opens."));
            RuleFor(r => r.Capacity).InclusiveBetween(1, 3000)
                .WithMessage(_ => Text.Pick("Liczba miejsc to od 1 do 3000 JST.", "The capacity is from 1 to 3000 JST."));
            RuleFor(r => r.EligibleKinds).NotEmpty().Must(kinds => kinds.All(JstKind.All.Contains))
                .WithMessage(_ => Text.Pick($"Wybierz rodzaje JST spośród: {string.Join(", ", JstKind.All)}.",
                    $"Choose the kinds of JST from: {string.Join(", ", JstKind.All)}."));
            RuleFor(r => r.TeamMin).InclusiveBetween(1, 10)
                .WithMessage(_ => Text.Pick("Najmniejszy zespół to od 1 do 10 osób.", "The smallest team is from 1 to 10 people."));
            RuleFor(r => r.TeamMax).InclusiveBetween(1, 10).GreaterThanOrEqualTo(r => r.TeamMin)
                .WithMessage(_ => Text.Pick("Największy zespół to do 10 osób i nie mniej niż najmniejszy.", "The largest team is up to 10 people and not less than the smallest."));
            RuleFor(r => r.TargetWomen).GreaterThanOrEqualTo(0)
                .WithMessage(_ => Text.Pick("Wartość docelowa nie może być ujemna.", "A target cannot be negative."));
            RuleFor(r => r.TargetMen).GreaterThanOrEqualTo(0)
                .WithMessage(_ => Text.Pick("Wartość docelowa nie może być ujemna.", "A target cannot be negative."));
            RuleFor(r => r.Scoring!).SetValidator(new ScoringRules.Validator()).When(r => r.Scoring is not null);
        }
    }

    public static RouteHandlerBuilder MapCreateRound(this IEndpointRouteBuilder api) => api
        .MapPost("/rounds", HandleAsync)
        .WithName("CreateRound")
        .WithSummary("Utwórz nabór / Create a recruitment round")
        .Validate<CreateRoundRequest>()
        .Produces<RoundResponse>(StatusCodes.Status201Created)
        .RequireAuthorization(Policies.Operator);

    private static async Task<IResult> HandleAsync(CreateRoundRequest request, DataSession session, TimeProvider time)
    {
        var id = Guid.CreateVersion7();
        var now = time.GetUtcNow();
        await session.ExecuteAsync("""
            INSERT INTO rounds (id, name, opens_at, closes_at, capacity, eligible_kinds, team_min, team_max, target_women, target_men, created_at)
            VALUES (@id, @Name, @opensAt, @closesAt, @Capacity, @kinds, @TeamMin, @TeamMax, @TargetWomen, @TargetMen, @now)
            """, new
        {
            // Entered with Warsaw's offset; PostgreSQL takes timestamptz values in UTC.
            id, request.Name, opensAt = request.OpensAt.ToUniversalTime(), closesAt = request.ClosesAt.ToUniversalTime(), request.Capacity, kinds = request.EligibleKinds.Distinct().ToArray(),
            request.TeamMin, request.TeamMax, request.TargetWomen, request.TargetMen, now,
        });
        await session.ExecuteAsync("INSERT INTO scoring_rules (round_id, version, rules, created_at) VALUES (@id, 1, @rules::jsonb, @now)",
            new { id, rules = JsonSerializer.Serialize(request.Scoring ?? ScoringRules.Default, JsonSerializerOptions.Web), now });
        var row = await session.QuerySingleAsync<RoundRow>(RoundRow.SelectSql + " WHERE r.id = @id", new { id });
        await session.CommitAsync();
        return TypedResults.Created($"/api/recruitment/rounds/{id}", row.ToResponse(now));
    }
}
