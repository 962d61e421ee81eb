using System.Globalization;

namespace Cro.Web.Administration;

/// <summary>
/// The audit log's filters as the page and its CSV link carry them (days as yyyy-MM-dd, both inclusive,
/// in Warsaw), and as the identity API takes them (a half-open period of UTC instants).
/// </summary>
public sealed record AuditFilter(string? Action, Guid? Person, DateOnly? From, DateOnly? To, string? Cursor)
{
    private const string DayFormat = "yyyy-MM-dd";

    public bool IsEmpty => Action is null && Person is null && From is null && To is null;

    /// <summary>Reads the page's query; a value that is not what a form sends is refused rather than ignored, so no one reads an unfiltered log as filtered.</summary>
    public static AuditFilter Read(string? action, string? person, string? from, string? to, string? cursor, out List<string> errors)
    {
        errors = [];
        Guid? personId = null;
        if (!string.IsNullOrEmpty(person))
        {
            if (Guid.TryParse(person, CultureInfo.InvariantCulture, out var id))
            {
                personId = id;
            }
            else
            {
                errors.Add(Text.Pick("Identyfikator osoby jest nieprawidłowy.", "The person's id is invalid."));
            }
        }
        var fromDay = Day(from, Text.Pick("Data „od” jest nieprawidłowa.", "The 'from' date is invalid."), errors);
        var toDay = Day(to, Text.Pick("Data „do” jest nieprawidłowa.", "The 'to' date is invalid."), errors);
        if (fromDay > toDay)
        {
            errors.Add(Text.Pick("Data „do” nie może być wcześniejsza niż data „od”.", "The 'to' date cannot come before the 'from' date."));
        }
        return new(string.IsNullOrEmpty(action) ? null : action, personId, fromDay, toDay, string.IsNullOrEmpty(cursor) ? null : cursor);
    }

    /// <summary>For the identity API: "to" is inclusive on the page, so the period ends when the next Warsaw day begins.</summary>
    public DateTimeOffset? FromInstant => From is { } from ? WarsawTime.StartOf(from).ToUniversalTime() : null;

    public DateTimeOffset? ToInstant => To is { } to ? WarsawTime.StartOf(to.AddDays(1)).ToUniversalTime() : null;

    /// <summary>For links of the web (next page, CSV): the same filters as the page's own query.</summary>
    public QueryString ToPageQuery(string? cursor) => Query(new()
    {
        ["action"] = Action,
        ["person"] = Person?.ToString(),
        ["from"] = From?.ToString(DayFormat, CultureInfo.InvariantCulture),
        ["to"] = To?.ToString(DayFormat, CultureInfo.InvariantCulture),
        ["cursor"] = cursor,
    });

    public string? FromText => From?.ToString(DayFormat, CultureInfo.InvariantCulture);

    public string? ToText => To?.ToString(DayFormat, CultureInfo.InvariantCulture);

    private static DateOnly? Day(string? text, string error, List<string> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (DateOnly.TryParseExact(text, DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }
        errors.Add(error);
        return null;
    }

    private static QueryString Query(Dictionary<string, string?> values) =>
        QueryString.Create(values.Where(p => !string.IsNullOrEmpty(p.Value)));
}
