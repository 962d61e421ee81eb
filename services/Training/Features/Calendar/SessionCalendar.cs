using Cro.ServiceDefaults;
using Cro.Training.Features.Programme;
using Cro.Training.Features.Sessions;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Cro.Training.Features.Calendar;

/// <summary>
/// Sessions as an iCalendar document (RFC 5545) with Ical.Net: each session one event whose UID is stable
/// and whose SEQUENCE counts its moves, so a subscribed calendar updates a moved session rather than adding
/// a second one. Times are Europe/Warsaw wall-clock times with the zone's VTIMEZONE. A cancelled session stays in
/// the feed as STATUS:CANCELLED, so calendars that hold it strike it out instead of keeping a stale event.
/// </summary>
internal static class SessionCalendar
{
    public const string ContentType = "text/calendar";

    public static string Write(string name, IEnumerable<SessionRow> sessions, DateTimeOffset now)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//ORE//CRO szkolenia//PL", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("X-WR-TIMEZONE", WarsawTime.ZoneId);
        calendar.AddTimeZone(WarsawTime.ZoneId);
        foreach (var session in sessions)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = session.CalendarUid,
                Sequence = session.Sequence,
                DtStamp = new CalDateTime(now.UtcDateTime, CalDateTime.UtcTzId),
                DtStart = Local(session.StartsAt),
                DtEnd = Local(session.EndsAt),
                Summary = (session.IsCancelled ? "ODWOŁANE — " : "") + $"{session.ModuleCode}: {session.ModuleTitle}",
                Location = session.Place ?? session.OnlineUrl,
                Url = session.OnlineUrl is null ? null : new Uri(session.OnlineUrl),
                Description = Description(session),
                // A subscribed feed is one PUBLISH document, so a cancellation is the event's status (RFC 5545 3.8.1.11)
                // with a higher SEQUENCE; METHOD:CANCEL belongs to iTIP messages sent to attendees.
                Status = session.IsCancelled ? Ical.Net.EventStatus.Cancelled : Ical.Net.EventStatus.Confirmed,
            });
        }
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    private static CalDateTime Local(DateTimeOffset instant) =>
        new(DateTime.SpecifyKind(WarsawTime.InWarsaw(instant).DateTime, DateTimeKind.Unspecified), WarsawTime.ZoneId);

    private static string Description(SessionRow session)
    {
        var form = session.Form switch
        {
            DeliveryForm.Online => "zajęcia online",
            DeliveryForm.Blended => "zajęcia stacjonarne z udziałem online",
            _ => "zajęcia stacjonarne",
        };
        var lines = new List<string>();
        if (session.CancellationReason is { } reason)
        {
            lines.Add($"ODWOŁANE: {reason}");
        }
        lines.AddRange([$"Grupa: {session.CohortName}", $"Forma: {form}", $"Godziny: {session.Hours:0.#}"]);
        if (session.Place is not null)
        {
            lines.Add($"Miejsce: {session.Place}");
        }
        if (session.OnlineUrl is not null)
        {
            lines.Add($"Łącze: {session.OnlineUrl}");
        }
        return string.Join("\n", lines);
    }
}
