using System.Globalization;
using Cro.Web.Advisory.Api;

namespace Cro.Web.Advisory;

/// <summary>One stakeholder type's field as posted (a string, so a wrong number gets its own message).</summary>
public sealed class StakeholderCount
{
    public string? Type { get; set; }
    public string? Count { get; set; }

    /// <summary>
    /// The counts by type as the API takes them (types not listed and empty fields left out), or null with the reason under
    /// <paramref name="key"/> in <paramref name="errors"/>.
    /// </summary>
    public static IReadOnlyDictionary<string, int>? ToCounts(IEnumerable<StakeholderCount>? posted, string key, FormErrors errors)
    {
        var counts = new Dictionary<string, int>();
        foreach (var row in posted ?? [])
        {
            if (row.Type is null || !StakeholderType.All.Contains(row.Type) || string.IsNullOrWhiteSpace(row.Count))
            {
                continue;
            }
            if (!int.TryParse(row.Count.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                errors.Add(key, Text.Pick($"Liczba osób ({AdvisoryLabels.Stakeholder(row.Type)}) to liczba całkowita, np. 12.",
                    $"The number of people ({AdvisoryLabels.Stakeholder(row.Type)}) is a whole number, e.g. 12."));
                return null;
            }
            counts[row.Type] = count;
        }
        return counts;
    }
}
