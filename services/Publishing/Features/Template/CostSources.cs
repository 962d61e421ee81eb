namespace Cro.Publishing.Features.Template;

/// <summary>Where the money a practice cost came from, a fixed list, so another JST sees what it could draw on.</summary>
public static class CostSources
{
    public static readonly IReadOnlyList<Choice> All =
    [
        new("jst-budget", "Budżet JST", "The JST's budget"),
        new("eu-funds", "Fundusze Unii Europejskiej", "EU funds"),
        new("state-budget", "Budżet państwa, programy rządowe", "The state budget, government programmes"),
        new("grant", "Granty i konkursy (fundacje, inne instytucje)", "Grants and competitions (foundations, other institutions)"),
        new("partner", "Partnerzy i sponsorzy", "Partners and sponsors"),
        new("other", "Inne źródło", "Another source"),
    ];

    public static readonly IReadOnlySet<string> Codes = All.Select(s => s.Code).ToHashSet(StringComparer.Ordinal);

    public static string Message => Text.Pick($"Źródło finansowania spośród: {string.Join(", ", Codes)}.", $"The source of funding is one of: {string.Join(", ", Codes)}.");
}
