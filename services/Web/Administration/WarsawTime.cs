using System.Globalization;

namespace Cro.Web.Administration;

/// <summary>
/// Times are stored in UTC and shown in Europe/Warsaw; a day picked on a page is a Warsaw calendar day,
/// so its start moves with summer time (22:00 or 23:00 UTC of the day before).
/// </summary>
public static class WarsawTime
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");

    public static DateTimeOffset ToWarsaw(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);

    /// <summary>"3 marca 2025, 14:05" in Polish, "3 March 2025, 14:05" in English.</summary>
    public static string Format(DateTimeOffset at) =>
        ToWarsaw(at).ToString("d MMMM yyyy, HH:mm", CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en"
            ? CultureInfo.GetCultureInfo("en-GB") : CultureInfo.GetCultureInfo("pl-PL"));

    /// <summary>The instant a Warsaw calendar day begins.</summary>
    public static DateTimeOffset StartOf(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(midnight, Zone.GetUtcOffset(midnight)).ToUniversalTime();
    }

    /// <summary>
    /// A Warsaw wall-clock time as a datetime-local field posts it ("2025-03-01T14:05"), with Warsaw's offset on
    /// that date (+01:00 in winter, +02:00 in summer); null when it is no time at all, or one the spring change
    /// of clocks skips (02:00–03:00 on the last Sunday of March). The autumn hour that happens twice counts as winter time.
    /// </summary>
    public static DateTimeOffset? FromLocalInput(string? value)
    {
        if (!DateTime.TryParseExact(value?.Trim(), ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFF"],
                CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return Zone.IsInvalidTime(local) ? null : new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    /// <summary>The value a datetime-local field shows for an instant: its Warsaw wall-clock time.</summary>
    public static string ToLocalInput(DateTimeOffset at) => ToWarsaw(at).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
}
