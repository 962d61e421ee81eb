namespace Cro.Advisory.Features.Availability;

/// <summary>One stretch of an advisor's week, in Warsaw wall-clock time (ISO weekday: 1 Monday … 7 Sunday).</summary>
public sealed record AvailabilityRule(int Weekday, TimeOnly StartsAt, TimeOnly EndsAt, string Mode);

/// <summary>A time the advisor is away (leave, a holiday): nothing is offered in it.</summary>
public sealed record AvailabilityException(Guid Id, DateTimeOffset From, DateTimeOffset To, string Reason);

/// <summary>
/// How an advisor can be booked: their week, the buffers kept free before and after each meeting, the notice a booking
/// needs, how far ahead one may book, a meeting's length, and where meetings happen (the link, the address).
/// </summary>
public sealed record WeeklyAvailability(IReadOnlyList<AvailabilityRule> Rules, int BufferBeforeMinutes, int BufferAfterMinutes, int MinNoticeHours,
    int HorizonDays, int MeetingMinutes, string? OnlineLink, string? Address)
{
    public TimeSpan BufferBefore => TimeSpan.FromMinutes(BufferBeforeMinutes);
    public TimeSpan BufferAfter => TimeSpan.FromMinutes(BufferAfterMinutes);
    public TimeSpan MeetingLength => TimeSpan.FromMinutes(MeetingMinutes);

    /// <summary>The rule of the advisor's week a meeting from <paramref name="start"/> to <paramref name="end"/> lies in, if any.</summary>
    public AvailabilityRule? RuleFor(DateTimeOffset start, DateTimeOffset end)
    {
        var localStart = WarsawTime.InWarsaw(start);
        var localEnd = WarsawTime.InWarsaw(end);
        if (localStart.Date != localEnd.Date && localEnd.TimeOfDay != TimeSpan.Zero)
        {
            return null;
        }
        var from = TimeOnly.FromDateTime(localStart.DateTime);
        var to = localEnd.TimeOfDay == TimeSpan.Zero && localEnd.Date > localStart.Date ? TimeOnly.MaxValue : TimeOnly.FromDateTime(localEnd.DateTime);
        var weekday = localStart.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)localStart.DayOfWeek;
        return Rules.FirstOrDefault(r => r.Weekday == weekday && r.StartsAt <= from && to <= r.EndsAt);
    }
}

/// <summary>Meeting forms, as the API and the database name them.</summary>
public static class MeetingMode
{
    public const string Online = "online";
    public const string Onsite = "onsite";

    public static readonly IReadOnlyList<string> All = [Online, Onsite];
}
