namespace Cro.Publishing.Features.Template;

/// <summary>
/// The licences an author may publish a practice under: Creative Commons 4.0, CC BY unless the author chooses another (so
/// any JST may reuse and adapt it, naming the source). The address is the licence's deed, as the catalogue links it.
/// </summary>
public static class Licences
{
    public const string Default = "CC-BY-4.0";

    public static readonly IReadOnlyList<Licence> All =
    [
        new(Default, "Uznanie autorstwa 4.0 (CC BY 4.0)", "Attribution 4.0 (CC BY 4.0)", new Uri("https://creativecommons.org/licenses/by/4.0/deed.pl")),
        new("CC-BY-SA-4.0", "Uznanie autorstwa – Na tych samych warunkach 4.0 (CC BY-SA 4.0)", "Attribution-ShareAlike 4.0 (CC BY-SA 4.0)",
            new Uri("https://creativecommons.org/licenses/by-sa/4.0/deed.pl")),
        new("CC-BY-ND-4.0", "Uznanie autorstwa – Bez utworów zależnych 4.0 (CC BY-ND 4.0)", "Attribution-NoDerivatives 4.0 (CC BY-ND 4.0)",
            new Uri("https://creativecommons.org/licenses/by-nd/4.0/deed.pl")),
        new("CC-BY-NC-4.0", "Uznanie autorstwa – Użycie niekomercyjne 4.0 (CC BY-NC 4.0)", "Attribution-NonCommercial 4.0 (CC BY-NC 4.0)",
            new Uri("https://creativecommons.org/licenses/by-nc/4.0/deed.pl")),
        new("CC0-1.0", "Przekazanie do domeny publicznej (CC0 1.0)", "Public domain dedication (CC0 1.0)",
            new Uri("https://creativecommons.org/publicdomain/zero/1.0/deed.pl")),
    ];

    public static readonly IReadOnlySet<string> Codes = All.Select(l => l.Code).ToHashSet(StringComparer.Ordinal);

    public static Licence Of(string? code) => All.FirstOrDefault(l => l.Code == code) ?? All[0];

    public static string Message => Text.Pick($"Licencja spośród: {string.Join(", ", Codes)}.", $"The licence is one of: {string.Join(", ", Codes)}.");
}

/// <param name="Url">The licence's deed.</param>
[OpenApiSchemaName("PracticeLicence")]
public sealed record Licence(string Code, string Pl, string En, Uri Url);
