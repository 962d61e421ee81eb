using Cro.ServiceDefaults;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Cro.BuildingBlocks.Calendar;

/// <summary>
/// iCalendar documents (RFC 5545) written with Ical.Net, the one place the platform builds them: a feed that calendar apps
/// subscribe to (METHOD:PUBLISH), and the iTIP messages (RFC 5546) mailed to an attendee, an invitation (METHOD:REQUEST)
/// or a cancellation (METHOD:CANCEL). Every document has the Europe/Warsaw VTIMEZONE and writes its events' times as
/// Warsaw wall-clock times in that zone, so they stay right across the changes of clocks.
/// </summary>
public static class CalendarDocument
{
    public const string ContentType = "text/calendar";

    /// <summary>PRODID of the documents about training sessions, whichever service writes them.</summary>
    public const string TrainingProduct = "-//ORE//CRO szkolenia//PL";

    /// <summary>PRODID of the documents about advisory meetings, whichever service writes them.</summary>
    public const string AdvisoryProduct = "-//ORE//CRO doradztwo//PL";

    /// <summary>PRODID of the documents about conferences, whichever service writes them.</summary>
    public const string ConferenceProduct = "-//ORE//CRO konferencje//PL";

    /// <param name="productId">PRODID, e.g. <see cref="AdvisoryProduct"/>.</param>
    /// <param name="name">The calendar's name as apps list it (X-WR-CALNAME).</param>
    public static string Feed(string productId, string name, IEnumerable<CalendarEntry> entries, DateTimeOffset now)
    {
        var calendar = Create(productId, "PUBLISH");
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("X-WR-TIMEZONE", WarsawTime.ZoneId);
        // A subscribed feed is one PUBLISH document, so a cancellation is the event's status with a higher SEQUENCE;
        // METHOD:CANCEL belongs to the messages sent to attendees.
        calendar.Events.AddRange(entries.Select(entry => Event(entry, now)));
        return Serialize(calendar);
    }

    /// <summary>The invitation to <paramref name="to"/>: a calendar adds the event, or moves it when it holds an older SEQUENCE.</summary>
    public static string Request(string productId, CalendarEntry entry, CalendarPerson organizer, CalendarPerson to, DateTimeOffset now) =>
        Message(productId, "REQUEST", entry, organizer, to, now);

    /// <summary>The cancellation to <paramref name="to"/>: a calendar removes the event of this UID.</summary>
    public static string Cancel(string productId, CalendarEntry entry, CalendarPerson organizer, CalendarPerson to, DateTimeOffset now) =>
        Message(productId, "CANCEL", entry with { Status = CalendarEntryStatus.Cancelled }, organizer, to, now);

    private static string Message(string productId, string method, CalendarEntry entry, CalendarPerson organizer, CalendarPerson to, DateTimeOffset now)
    {
        var calendar = Create(productId, method);
        var calendarEvent = Event(entry, now);
        calendarEvent.Organizer = new Organizer($"mailto:{organizer.Email}") { CommonName = organizer.Name };
        // Only the person the message goes to: nobody learns the others' addresses from it.
        calendarEvent.Attendees = [new Attendee($"mailto:{to.Email}") { CommonName = to.Name, Rsvp = false }];
        calendar.Events.Add(calendarEvent);
        return Serialize(calendar);
    }

    private static Ical.Net.Calendar Create(string productId, string method)
    {
        var calendar = new Ical.Net.Calendar { ProductId = productId, Method = method };
        calendar.AddTimeZone(WarsawTime.ZoneId);
        return calendar;
    }

    private static CalendarEvent Event(CalendarEntry entry, DateTimeOffset now) => new()
    {
        Uid = entry.Uid,
        Sequence = entry.Sequence,
        DtStamp = new CalDateTime(now.UtcDateTime, CalDateTime.UtcTzId),
        DtStart = Local(entry.StartsAt),
        DtEnd = Local(entry.EndsAt),
        Summary = entry.Summary,
        Location = entry.Location,
        Url = entry.Url,
        Description = entry.Description,
        Status = entry.Status switch
        {
            CalendarEntryStatus.Cancelled => Ical.Net.EventStatus.Cancelled,
            CalendarEntryStatus.Tentative => Ical.Net.EventStatus.Tentative,
            _ => Ical.Net.EventStatus.Confirmed,
        },
    };

    /// <summary>The instant as a Warsaw wall-clock time with TZID=Europe/Warsaw.</summary>
    private static CalDateTime Local(DateTimeOffset instant) =>
        new(DateTime.SpecifyKind(WarsawTime.InWarsaw(instant).DateTime, DateTimeKind.Unspecified), WarsawTime.ZoneId);

    private static string Serialize(Ical.Net.Calendar calendar) => new CalendarSerializer().SerializeToString(calendar)!;
}
