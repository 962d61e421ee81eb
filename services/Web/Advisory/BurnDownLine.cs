using Cro.Web.Advisory.Api;

namespace Cro.Web.Advisory;

/// <summary>
/// The burn-down of an engagement's hours over its term: the hours left after each meeting held (its recorded minutes),
/// against the even pace that spends the budget by the term's end. Drawn by <c>BurnDownChart</c>, from the engagement and
/// its held meetings as the service gives them.
/// </summary>
public sealed record BurnDownLine(DateOnly From, DateOnly To, double Budget, IReadOnlyList<BurnDownStep> Steps)
{
    public static BurnDownLine Of(EngagementView engagement, IEnumerable<MeetingView> meetings)
    {
        var left = engagement.BurnDown.Budget;
        var steps = new List<BurnDownStep>();
        foreach (var meeting in meetings.Where(m => m.Status == MeetingStatus.Held && m.HeldMinutes is not null).OrderBy(m => m.StartsAt))
        {
            var hours = meeting.HeldMinutes!.Value / 60.0;
            left -= hours;
            steps.Add(new BurnDownStep(DateOnly.FromDateTime(WarsawTime.InWarsaw(meeting.StartsAt).DateTime), meeting.Topic, hours, left));
        }
        return new BurnDownLine(engagement.StartsOn, engagement.EndsOn, engagement.BurnDown.Budget, steps);
    }

    public double HoursLeft => Steps.Count == 0 ? Budget : Steps[^1].Left;

    /// <summary>How far into the term <paramref name="day"/> is: 0 at its start, 1 at its end.</summary>
    public double Elapsed(DateOnly day) =>
        To.DayNumber <= From.DayNumber ? 1 : Math.Clamp((day.DayNumber - From.DayNumber) / (double)(To.DayNumber - From.DayNumber), 0, 1);

    /// <summary>The hours that would be left on <paramref name="day"/> had the budget been spent evenly over the term.</summary>
    public double EvenPaceLeft(DateOnly day) => Budget * (1 - Elapsed(day));
}

/// <summary>A held meeting on the burn-down: its day (in Warsaw), topic, hours and the hours left after it.</summary>
public sealed record BurnDownStep(DateOnly Day, string Topic, double Hours, double Left);
