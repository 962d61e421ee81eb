using System.Globalization;
using Cro.Web.Training.Api;

namespace Cro.Web.Training;

/// <summary>
/// The time left for an attempt, counted from the server's clock (the attempt's closing time minus the server's time
/// when it answered), never the device's, which may be wrong. Worded without grammatical number ("Pozostały czas:
/// 14 min 5 s") so one pattern reads right for every value; the page's script counts down in the same shape.
/// </summary>
public sealed record TestTimer(DateTimeOffset? ClosesAt, TimeSpan Remaining)
{
    public static TestTimer Of(AttemptView attempt) => attempt.ClosesAt is { } closes
        ? new(closes, closes > attempt.ServerTime ? closes - attempt.ServerTime : TimeSpan.Zero)
        : new(null, TimeSpan.Zero);

    public bool HasLimit => ClosesAt is not null;

    public bool IsUp => HasLimit && Remaining <= TimeSpan.Zero;

    /// <summary>Whole seconds left, for the countdown script.</summary>
    public int RemainingSeconds => (int)Math.Floor(Remaining.TotalSeconds);

    public static string HourUnit => Text.Pick("godz.", "h");

    public static string MinuteUnit => "min";

    public static string SecondUnit => "s";

    /// <summary>"1 godz. 5 min" from an hour on; "14 min" from ten minutes; "4 min 5 s" below; "45 s" in the last minute.</summary>
    public static string Duration(int seconds)
    {
        var (hours, minutes, rest) = (seconds / 3600, seconds % 3600 / 60, seconds % 60);
        return hours > 0 ? $"{hours} {HourUnit} {minutes} {MinuteUnit}"
            : minutes >= 10 ? $"{minutes} {MinuteUnit}"
            : minutes > 0 ? $"{minutes} {MinuteUnit} {rest} {SecondUnit}"
            : $"{rest} {SecondUnit}";
    }

    public string RemainingText => IsUp
        ? Text.Pick("Czas na test minął.", "The time for the test is up.")
        : Text.Pick($"Pozostały czas: {Duration(RemainingSeconds)}.", $"Time left: {Duration(RemainingSeconds)}.");

    /// <summary>When answers stop being accepted, in Warsaw time: the hour alone when it is today.</summary>
    public string ClosesText
    {
        get
        {
            if (ClosesAt is not { } closes)
            {
                return "";
            }
            var at = WarsawTime.InWarsaw(closes);
            var when = at.Date == WarsawTime.InWarsaw(closes - Remaining).Date
                ? at.ToString("HH:mm", CultureInfo.InvariantCulture)
                : WarsawTime.Format(closes);
            return Text.Pick($"Odpowiedzi przyjmujemy do {when} (czas warszawski); zapisane do tej chwili zostaną ocenione.",
                $"Answers are accepted until {when} (Warsaw time); those saved by then are scored.");
        }
    }
}
