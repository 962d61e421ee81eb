namespace Cro.Publishing.Features.Template;

/// <summary>
/// The catalogue's cost facet: ranges of a practice's total cost (PLN) a reader picks from, each from its lower bound
/// (inclusive) to the next one's (exclusive). A reader may also give any range of their own.
/// </summary>
public static class CostRanges
{
    public static readonly IReadOnlyList<CostRange> All =
    [
        new("none", 0, 0.01m, "Bez kosztów", "No cost"),
        new("up-to-10k", 0.01m, 10_000, "Do 10 000 zł", "Up to PLN 10,000"),
        new("10k-50k", 10_000, 50_000, "10 000 – 50 000 zł", "PLN 10,000 – 50,000"),
        new("50k-200k", 50_000, 200_000, "50 000 – 200 000 zł", "PLN 50,000 – 200,000"),
        new("over-200k", 200_000, null, "Ponad 200 000 zł", "Over PLN 200,000"),
    ];
}

/// <param name="From">The lowest total cost in the range, PLN (inclusive).</param>
/// <param name="To">The bound above the range, PLN (exclusive); null for the last.</param>
[OpenApiSchemaName("PracticeCostRange")]
public sealed record CostRange(string Code, decimal From, decimal? To, string Pl, string En);
