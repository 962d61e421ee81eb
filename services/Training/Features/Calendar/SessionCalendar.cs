using Cro.BuildingBlocks.Calendar;
using Cro.Training.Features.Programme;
using Cro.Training.Features.Sessions;

namespace Cro.Training.Features.Calendar;

/// <summary>
/// Sessions as a calendar feed (<see cref="CalendarDocument.Feed"/>): each session one event whose UID is stable and whose
/// SEQUENCE counts its moves, so a subscribed calendar updates a moved session rather than adding a second one. A cancelled
/// session stays in the feed as STATUS:CANCELLED, so calendars that hold it strike it out instead of keeping a stale event.
/// </summary>
internal static class SessionCalendar
{
    public static string Write(string name, IEnumerable<SessionRow> sessions, DateTimeOffset now) =>
        CalendarDocument.Feed(CalendarDocument.TrainingProduct, name, sessions.Select(session => new CalendarEntry(session.CalendarUid, session.Sequence, session.StartsAt,
            session.EndsAt, (session.IsCancelled ? "ODWOŁANE — " : "") + $"{session.ModuleCode}: {session.ModuleTitle}")
        {
            Location = session.Place ?? session.OnlineUrl,
            Url = session.OnlineUrl is null ? null : new Uri(session.OnlineUrl),
            Description = Description(session),
            Status = session.IsCancelled ? CalendarEntryStatus.Cancelled : CalendarEntryStatus.Confirmed,
        }), now);

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
