using Cro.Advisory.Features.Availability;
using Cro.Advisory.Features.Meetings;
using Cro.BuildingBlocks.Calendar;

namespace Cro.Advisory.Features.Calendar;

/// <summary>
/// Meetings as a calendar feed (<see cref="CalendarDocument.Feed"/>): each meeting one event with the UID the mailed
/// invitations carry (<see cref="MeetingRow.CalendarUid"/>) and its SEQUENCE, so a calendar that took the meeting from a
/// mail and from the feed holds it once and follows its moves. A meeting waiting for ORE's approval is TENTATIVE; a
/// cancelled one stays as STATUS:CANCELLED, so calendars strike it out.
/// </summary>
internal static class MeetingCalendar
{
    public static string Write(string name, IEnumerable<MeetingRow> meetings, DateTimeOffset now) =>
        CalendarDocument.Feed(CalendarDocument.AdvisoryProduct, name, meetings.Select(meeting => new CalendarEntry(meeting.CalendarUid, meeting.Sequence, meeting.StartsAt,
            meeting.EndsAt, (meeting.Status == MeetingStatus.Cancelled ? "ODWOŁANE — " : "") + $"Spotkanie doradcze: {meeting.Topic} — {meeting.JstName}")
        {
            Location = meeting.Location,
            Url = meeting.Mode == MeetingMode.Online && Uri.TryCreate(meeting.Location, UriKind.Absolute, out var link) ? link : null,
            Description = Description(meeting),
            Status = meeting.Status switch
            {
                MeetingStatus.Cancelled => CalendarEntryStatus.Cancelled,
                MeetingStatus.AwaitingApproval => CalendarEntryStatus.Tentative,
                _ => CalendarEntryStatus.Confirmed,
            },
        }), now);

    private static string Description(MeetingRow meeting)
    {
        var lines = new List<string>();
        if (meeting.Status == MeetingStatus.Cancelled)
        {
            lines.Add($"ODWOŁANE: {meeting.CancelReason}");
        }
        if (meeting.Status == MeetingStatus.AwaitingApproval)
        {
            lines.Add("Czeka na zgodę ORE (ponad budżet godzin).");
        }
        var where = meeting.Location ?? "poda doradca";
        lines.AddRange([$"JST: {meeting.JstName}", $"Doradca: {meeting.AdvisorName}", $"Temat: {meeting.Topic}",
            meeting.Mode == MeetingMode.Online ? $"Forma: online, łącze: {where}" : $"Forma: stacjonarnie, miejsce: {where}"]);
        return string.Join("\n", lines);
    }
}
