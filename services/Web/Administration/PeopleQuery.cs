namespace Cro.Web.Administration;

/// <summary>The people list's filters, for the page's links; empty ones are left out (an empty role or JST would filter).</summary>
public sealed record PeopleQuery(string? Q = null, string? Role = null, string? Jst = null, string? Cursor = null, int? Limit = null)
{
    public QueryString ToQueryString() => QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Q?.Trim(),
        ["role"] = Role,
        ["jst"] = Jst?.Trim(),
        ["cursor"] = Cursor,
        ["limit"] = Limit?.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => !string.IsNullOrEmpty(p.Value)));
}
