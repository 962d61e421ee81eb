using Cro.BuildingBlocks.Calendar;

namespace Cro.Notifications.Features.Mail;

/// <summary>
/// The iTIP cancellation (RFC 5546, METHOD:CANCEL) attached to a cancelled session's mail: the same UID as the
/// session's event in training's calendar feeds and a higher SEQUENCE, so a calendar that took the session from
/// an earlier mail or an import removes it. Subscribed feeds show the same session as STATUS:CANCELLED.
/// </summary>
public static class SessionCancellationCalendar
{
    public static string Write(SessionCancelled session, SessionAttendee to, string organizerAddress) =>
        CalendarDocument.Cancel(CalendarDocument.TrainingProduct,
            new CalendarEntry(session.CalendarUid, session.Sequence, session.StartsAt, session.EndsAt,
                $"ODWOŁANE — {session.ModuleCode}: {session.ModuleTitle}"),
            new CalendarPerson(organizerAddress), new CalendarPerson(to.Email, to.FullName), session.CancelledAt);
}
