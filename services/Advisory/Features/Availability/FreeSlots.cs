namespace Cro.Advisory.Features.Availability;

/// <summary>A time a team may book: the meeting's start and end, and its form.</summary>
public sealed record FreeSlot(DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Mode);

/// <summary>Time an advisor's meeting blocks, its buffers included.</summary>
public sealed record BlockedTime(DateTimeOffset From, DateTimeOffset To);

/// <summary>
/// The free slots of an advisor's week between two instants: each rule's stretch cut into meetings of the advisor's
/// length from its start, in Warsaw time on each date (so a 9:00 slot is 9:00 in winter and in summer), leaving out
/// a wall-clock time the change of clocks skips or repeats, anything sooner than the notice or beyond the horizon,
/// anything in an exception, and anything whose time with the buffers overlaps time already blocked by a meeting
/// (which carries its own buffers: two meetings' blocked times never overlap).
/// </summary>
public static class FreeSlots
{
    public static IReadOnlyList<FreeSlot> Between(WeeklyAvailability week, IReadOnlyList<AvailabilityException> exceptions,
        IReadOnlyList<BlockedTime> busy, DateTimeOffset now, DateTimeOffset from, DateTimeOffset to)
    {
        var earliest = Max(from, now + TimeSpan.FromHours(week.MinNoticeHours));
        var latest = Min(to, now + TimeSpan.FromDays(week.HorizonDays));
        var slots = new List<FreeSlot>();
        var firstDay = DateOnly.FromDateTime(WarsawTime.InWarsaw(earliest).DateTime);
        var lastDay = DateOnly.FromDateTime(WarsawTime.InWarsaw(latest).DateTime);
        for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
        {
            var weekday = day.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)day.DayOfWeek;
            foreach (var rule in week.Rules.Where(r => r.Weekday == weekday).OrderBy(r => r.StartsAt))
            {
                for (var start = rule.StartsAt; start.Add(week.MeetingLength) <= rule.EndsAt && start.Add(week.MeetingLength) > start;
                     start = start.Add(week.MeetingLength))
                {
                    var localStart = day.ToDateTime(start);
                    var localEnd = localStart + week.MeetingLength;
                    if (!WarsawTime.IsUnambiguous(localStart) || !WarsawTime.IsUnambiguous(localEnd))
                    {
                        continue;
                    }
                    var slot = new FreeSlot(WarsawTime.ToInstant(localStart), WarsawTime.ToInstant(localEnd), rule.Mode);
                    if (slot.StartsAt >= earliest && slot.StartsAt <= latest && IsFree(week, exceptions, busy, slot.StartsAt, slot.EndsAt))
                    {
                        slots.Add(slot);
                    }
                }
            }
        }
        return slots;
    }

    /// <summary>Whether a meeting at this time misses every exception and, with its buffers, all blocked time.</summary>
    public static bool IsFree(WeeklyAvailability week, IReadOnlyList<AvailabilityException> exceptions,
        IReadOnlyList<BlockedTime> busy, DateTimeOffset start, DateTimeOffset end) =>
        !exceptions.Any(x => x.From < end && start < x.To)
        && !busy.Any(b => b.From < end + week.BufferAfter && start - week.BufferBefore < b.To);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
