using System.Globalization;

namespace Cro.Notifications.Features.Mail;

/// <summary>A moment as a Polish reader expects it: Warsaw time, the month in the genitive, "r." after the year.</summary>
public static class WarsawTime
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");

    // Written out rather than taken from the pl-PL culture, so the text is the same where ICU is missing.
    private static readonly string[] Months =
    [
        "stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca",
        "lipca", "sierpnia", "września", "października", "listopada", "grudnia",
    ];

    /// <summary>2026-12-06 13:30 UTC → "6 grudnia 2026 r., 14:30".</summary>
    public static string Format(DateTimeOffset moment)
    {
        var local = TimeZoneInfo.ConvertTime(moment, Zone);
        return string.Create(CultureInfo.InvariantCulture, $"{local.Day} {Months[local.Month - 1]} {local.Year} r., {local:HH:mm}");
    }

    /// <summary>The clock time alone, e.g. the end of a session that ends the day it starts: "16:00".</summary>
    public static string Clock(DateTimeOffset moment) =>
        TimeZoneInfo.ConvertTime(moment, Zone).ToString("HH:mm", CultureInfo.InvariantCulture);
}
