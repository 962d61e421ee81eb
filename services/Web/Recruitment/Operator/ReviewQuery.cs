namespace Cro.Web.Recruitment.Operator;

/// <summary>The review list's filters, as the page's query (and, field by field, the API's).</summary>
public sealed record ReviewQuery(string? Status = null, string? Voivodeship = null, string? Kind = null, bool? AtRisk = null,
    int? MinScore = null, string? Cursor = null, string? Q = null)
{
    public QueryString ToQueryString() => QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Q,
        ["status"] = Status,
        ["voivodeship"] = Voivodeship,
        ["kind"] = Kind,
        ["atRisk"] = AtRisk switch { true => "true", false => "false", null => null },
        ["minScore"] = MinScore?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["cursor"] = Cursor,
    }.Where(p => !string.IsNullOrEmpty(p.Value)));
}
