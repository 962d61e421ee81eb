namespace Cro.Web.Publishing;

/// <summary>What a reader asked the catalogue for (the GET form's fields), and the address of the same search on another page.</summary>
public sealed record CatalogueFilter(string? Q, IReadOnlyList<string> Topics, string? Kind, string? Voivodeship, string? CostRange, int? Year, int Page)
{
    public const int PageSize = 20;

    public bool Any => Q is not null || Topics.Count > 0 || Kind is not null || Voivodeship is not null || CostRange is not null || Year is not null;

    public string PathFor(int page)
    {
        var fields = new List<string>();
        void Add(string name, string? value)
        {
            if (value is not null)
            {
                fields.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }
        Add("q", Q);
        foreach (var topic in Topics)
        {
            Add("topic", topic);
        }
        Add("kind", Kind);
        Add("voivodeship", Voivodeship);
        Add("costRange", CostRange);
        Add("year", Year?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add("page", page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
        return CatalogueAddress.Catalogue + (fields.Count > 0 ? "?" + string.Join("&", fields) : "");
    }
}
