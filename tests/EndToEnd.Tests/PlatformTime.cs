using Cro.ServiceDefaults;

namespace Cro.EndToEnd.Tests;

/// <summary>
/// The platform's time in this run (the fixture gives every service the same clock offset): the next 09:00 in Warsaw when
/// the run started, moving on from there. Tests run on a working morning whatever the machine's hour — a stretch of an
/// advisor's week cannot pass midnight, and "today" stays one day for the whole run — and the platform's clock is only
/// ever ahead of the browser's, so no cookie the platform sets looks expired on arrival.
/// </summary>
public static class PlatformTime
{
    public static TimeSpan Offset { get; } = UntilNextMorning(DateTimeOffset.UtcNow);

    public static DateTimeOffset Now => DateTimeOffset.UtcNow + Offset;

    /// <summary><see cref="Now"/> on a Warsaw wall clock.</summary>
    public static DateTime WarsawNow => WarsawTime.InWarsaw(Now).DateTime;

    /// <summary>The platform's date today, in Warsaw.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(WarsawNow);

    private static TimeSpan UntilNextMorning(DateTimeOffset now)
    {
        var local = WarsawTime.InWarsaw(now).DateTime;
        var morning = local.Date.AddHours(9);
        if (morning <= local)
        {
            morning = morning.AddDays(1);
        }
        return WarsawTime.ToInstant(morning) - now; // 09:00 is never skipped or repeated
    }
}
