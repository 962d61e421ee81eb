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
}
