using System.Globalization;

namespace Cro.ServiceDefaults;

/// <summary>
/// Times are stored as UTC instants and entered and shown in Europe/Warsaw. One place for the zone, the wall-clock
/// input of forms (a time that does not exist, the hour skipped in spring, is refused rather than guessed), and the
/// ways a moment is written for people: on pages in their language, in letters in Polish.
/// </summary>
public static class WarsawTime
{
    public const string ZoneId = "Europe/Warsaw";
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById(ZoneId);

    // Written out rather than taken from the pl-PL culture, so a letter reads the same where ICU is missing.
    private static readonly string[] MonthsGenitive =
    [
        "stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca",
        "lipca", "sierpnia", "września", "października", "listopada", "grudnia",
    ];

    /// <summary>The instant with Warsaw's offset at that moment (what the APIs show: "2026-05-12T10:00:00+02:00").</summary>
    public static DateTimeOffset InWarsaw(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>Whether a Warsaw wall-clock time happens exactly once (not skipped in spring, not repeated in autumn).</summary>
    public static bool IsUnambiguous(DateTime local) => !Zone.IsInvalidTime(local) && !Zone.IsAmbiguousTime(local);

    /// <summary>The instant of a Warsaw wall-clock time that <see cref="IsUnambiguous"/>.</summary>
    public static DateTimeOffset ToInstant(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, Zone.GetUtcOffset(unspecified)).ToUniversalTime();
    }

    /// <summary>The instant a Warsaw calendar day begins (22:00 or 23:00 UTC of the day before).</summary>
    public static DateTimeOffset StartOf(DateOnly day) => ToInstant(day.ToDateTime(TimeOnly.MinValue));

    /// <summary>
    /// A Warsaw wall-clock time as a datetime-local field posts it ("2025-03-01T14:05"), with Warsaw's offset on
    /// that date; null when it is no time at all, or one the spring change of clocks skips. The autumn hour that
    /// happens twice counts as winter time.
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
    public static string ToLocalInput(DateTimeOffset at) => InWarsaw(at).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    /// <summary>On a page: "3 marca 2025, 14:05" in Polish, "3 March 2025, 14:05" in English.</summary>
    public static string Format(DateTimeOffset at) =>
        InWarsaw(at).ToString("d MMMM yyyy, HH:mm", CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en"
            ? CultureInfo.GetCultureInfo("en-GB") : CultureInfo.GetCultureInfo("pl-PL"));

    /// <summary>In a letter: 2026-12-06 13:30 UTC → "6 grudnia 2026 r., 14:30".</summary>
    public static string InLetter(DateTimeOffset moment)
    {
        var local = InWarsaw(moment);
        return string.Create(CultureInfo.InvariantCulture, $"{local.Day} {MonthsGenitive[local.Month - 1]} {local.Year} r., {local:HH:mm}");
    }

    /// <summary>A calendar day in a letter: 2026-11-30 → "30 listopada 2026 r.".</summary>
    public static string InLetter(DateOnly day) =>
        string.Create(CultureInfo.InvariantCulture, $"{day.Day} {MonthsGenitive[day.Month - 1]} {day.Year} r.");

    /// <summary>The clock time alone, e.g. the end of a session that ends the day it starts: "16:00".</summary>
    public static string Clock(DateTimeOffset moment) => InWarsaw(moment).ToString("HH:mm", CultureInfo.InvariantCulture);
}
