using Cro.Advisory.Features.Availability;
using Npgsql;

namespace Cro.Advisory.Features.Meetings;

/// <summary>The notice a team needs to move or cancel a meeting (Advisory:Meetings:ChangeNoticeHours); the advisor and ORE need none.</summary>
public sealed class MeetingOptions
{
    public int ChangeNoticeHours { get; set; } = 24;
}

/// <summary>
/// Where a meeting may be: checked on the server at every booking and move, whatever the page offered — in the advisor's
/// week and form, not past, not sooner than the notice nor beyond the horizon, not in time away (400 naming startsAt);
/// and not over time another meeting blocks (409 naming when). The database's exclusion constraint settles two
/// bookings that pass these checks at the same moment: the second is refused there, and answered here the same way.
/// </summary>
internal static class BookingRules
{
    /// <summary>A time a meeting may take: its own, its form and place, and the time it blocks with the advisor's buffers.</summary>
    public sealed record CheckedTime(DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Mode, string? Location, DateTimeOffset BlockedFrom,
        DateTimeOffset BlockedTo);

    /// <summary>The meeting that may be booked at <paramref name="start"/>, or the answer why not.</summary>
    public static async Task<(CheckedTime? Time, IResult? Refusal)> CheckAsync(DataSession session, Guid advisorId, DateTimeOffset start, string? mode,
        DateTimeOffset now, Guid? except = null)
    {
        // The advisor's row is locked for the rest of the session: bookings of one advisor queue up, so the check below
        // sees every meeting committed before it, and two bookings of one slot never both reach the constraint.
        await session.ExecuteAsync("SELECT 1 FROM advisors WHERE id = @advisorId FOR UPDATE", new { advisorId });
        var week = await AvailabilityStore.WeekAsync(session, advisorId);
        var end = start + week.MeetingLength;
        if (start <= now)
        {
            return Refuse("Termin spotkania już minął.", "The time has passed.");
        }
        if (start < now + TimeSpan.FromHours(week.MinNoticeHours))
        {
            return Refuse($"Spotkanie trzeba zarezerwować co najmniej {week.MinNoticeHours} h wcześniej.",
                $"A meeting must be booked at least {week.MinNoticeHours} h ahead.");
        }
        if (start > now + TimeSpan.FromDays(week.HorizonDays))
        {
            return Refuse($"Rezerwacje są możliwe najwyżej {week.HorizonDays} dni naprzód.", $"Meetings can be booked at most {week.HorizonDays} days ahead.");
        }
        if (week.RuleFor(start, end) is not { } rule || (mode is not null && mode != rule.Mode))
        {
            return Refuse("Doradca nie przyjmuje w tym czasie (albo w tej formie).", "The advisor is not available at that time (or in that form).");
        }
        if ((await AvailabilityStore.ExceptionsAsync(session, advisorId, start, end)).Count > 0)
        {
            return Refuse("Doradca jest wtedy nieobecny.", "The advisor is away then.");
        }
        var busy = await AvailabilityStore.BusyAsync(session, advisorId, start - week.BufferBefore, end + week.BufferAfter, except);
        if (!FreeSlots.IsFree(week, [], busy, start, end))
        {
            return (null, Taken(busy[0]));
        }
        return (new CheckedTime(start, end, rule.Mode, rule.Mode == MeetingMode.Online ? week.OnlineLink : week.Address,
            start - week.BufferBefore, end + week.BufferAfter), null);
    }

    /// <summary>
    /// Whether <paramref name="e"/> is the database refusing a second meeting over blocked time (or, should two inserts
    /// still meet there, ending one of them as a deadlock).
    /// </summary>
    public static bool IsDoubleBooking(PostgresException e) => e.SqlState is PostgresErrorCodes.ExclusionViolation or PostgresErrorCodes.DeadlockDetected;

    /// <summary>409 naming the time that is taken, and nothing of whose meeting it is.</summary>
    public static IResult Taken(BlockedTime blocked) => Problems.Conflict("Ten termin jest już zajęty.", "That time is taken.",
        $"Doradca ma spotkanie (z przerwą) od {WarsawTime.Format(blocked.From)} do {WarsawTime.Clock(blocked.To)}; wybierz inny wolny termin.",
        $"The advisor has a meeting (with breaks) from {WarsawTime.Format(blocked.From)} to {WarsawTime.Clock(blocked.To)}; choose another free time.");

    public static IResult TakenMeanwhile() => Problems.Conflict("Ten termin jest już zajęty.", "That time is taken.",
        "Ktoś zarezerwował ten termin przed chwilą; wybierz inny wolny termin.", "Someone booked that time a moment ago; choose another free time.");

    private static (CheckedTime?, IResult?) Refuse(string pl, string en) => (null, Problems.Field("startsAt", pl, en));
}
