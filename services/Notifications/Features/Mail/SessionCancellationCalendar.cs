using Cro.Contracts;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Cro.Notifications.Features.Mail;

/// <summary>
/// The iTIP cancellation (RFC 5546, METHOD:CANCEL) attached to a cancelled session's mail: the same UID as the
/// session's event in training's calendar feeds and a higher SEQUENCE, so a calendar that took the session from
/// an earlier mail or an import removes it. Subscribed feeds show the same session as STATUS:CANCELLED.
/// </summary>
public static class SessionCancellationCalendar
{
    public static string Write(SessionCancelled session, SessionAttendee to, string organizerAddress)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//ORE//CRO szkolenia//PL", Method = "CANCEL" };
        calendar.Events.Add(new CalendarEvent
        {
            Uid = session.CalendarUid,
            Sequence = session.Sequence,
            Status = Ical.Net.EventStatus.Cancelled,
            DtStamp = Utc(session.CancelledAt),
            DtStart = Utc(session.StartsAt),
            DtEnd = Utc(session.EndsAt),
            Summary = $"ODWOŁANE — {session.ModuleCode}: {session.ModuleTitle}",
            Organizer = new Organizer($"mailto:{organizerAddress}"),
            Attendees = [new Attendee($"mailto:{to.Email}") { CommonName = to.FullName }],
        });
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    private static CalDateTime Utc(DateTimeOffset instant) => new(instant.UtcDateTime, CalDateTime.UtcTzId);
}
