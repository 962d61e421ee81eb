using Cro.BuildingBlocks.Calendar;
using Cro.Notifications.Features.Mail;
using Cro.Notifications.Features.Delivery;

namespace Cro.Notifications.Features.AdvisoryMeetings;

/// <summary>
/// The notices of an advisory meeting to each attendee (its advisor and the team's members), in Polish: the confirmation
/// of a booking or of a new time, with the invitation to attach to a calendar (iTIP METHOD:REQUEST), the cancellation
/// (METHOD:CANCEL), and the reminders before it starts. The calendar event has the meeting's UID, as advisory's feeds do,
/// and the event's SEQUENCE, so a calendar moves or removes the event it already holds.
/// </summary>
public static class AdvisoryMeetingMail
{
    public const string BookedKind = "advisory-meeting-booked";
    public const string MovedKind = "advisory-meeting-moved";
    public const string CancelledKind = "advisory-meeting-cancelled";
    public const string ReminderKind = "advisory-meeting-reminder";

    /// <summary>Every kind of mail about an advisory meeting: they go to people known by their address.</summary>
    public static readonly IReadOnlyList<string> Kinds = [BookedKind, MovedKind, CancelledKind, ReminderKind];

    /// <summary>What a reminder tells: the meeting as last announced, and how long before its start the reminder goes.</summary>
    public sealed record ReminderContent(string JstName, string Topic, string? Mode, string? Location, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
        TimeSpan LeadTime);

    public static RenderedMail Booked(AdvisoryMeetingBooked meeting, MeetingAttendee to, CalendarPerson organizer) =>
        Letter.Render(meeting.Rescheduled ? MovedKind : BookedKind,
            $"{(meeting.Rescheduled ? "Zmiana terminu spotkania doradczego" : "Spotkanie doradcze")}: {meeting.JstName} — "
            + WarsawTime.InLetter(meeting.StartsAt),
            to.FullName,
            meeting.Rescheduled
                ? $"Spotkanie doradcze „{meeting.Topic}” ({meeting.JstName}) ma nowy termin{Before(meeting)}. Obowiązuje to, co poniżej."
                : $"Potwierdzamy spotkanie doradcze „{meeting.Topic}” ({meeting.JstName}) w programie Cyfrowy Rozwój Oświaty (CRO).",
            Term(meeting.StartsAt, meeting.EndsAt),
            Where(meeting.Mode, meeting.Location),
            to.Role == AttendeeRole.Advisor
                ? "Prowadzisz to spotkanie jako doradca. Po spotkaniu zapisz na platformie, kto był i co ustaliliście."
                : "Termin zmienisz albo odwołasz na platformie, w części Doradztwo.",
            "W załączniku jest wydarzenie do Twojego kalendarza. Przed spotkaniem przyślemy przypomnienie.")
        with
        {
            Calendar = CalendarDocument.Request(CalendarDocument.AdvisoryProduct,
                Entry(meeting.CalendarUid, meeting.Sequence, meeting.StartsAt, meeting.EndsAt, meeting.JstName, meeting.Topic, meeting.Mode, meeting.Location),
                organizer, new CalendarPerson(to.Email, to.FullName), meeting.BookedAt),
        };

    public static RenderedMail Cancelled(AdvisoryMeetingCancelled meeting, MeetingAttendee to, CalendarPerson organizer) =>
        Letter.Render(CancelledKind, $"Odwołane spotkanie doradcze: {meeting.JstName} — {WarsawTime.InLetter(meeting.StartsAt)}", to.FullName,
            $"Spotkanie doradcze „{meeting.Topic}” ({meeting.JstName}), zaplanowane na {WarsawTime.InLetter(meeting.StartsAt)} – "
            + $"{WarsawTime.Clock(meeting.EndsAt)} (czas polski), jest odwołane.",
            string.IsNullOrWhiteSpace(meeting.Reason) ? null : $"Powód: {meeting.Reason}",
            $"Odwołał(a): {meeting.CancelledBy}.",
            "Przypomnienia o nim nie przyjdą, a wydarzenie z załącznika usunie je z Twojego kalendarza.")
        with
        {
            Calendar = CalendarDocument.Cancel(CalendarDocument.AdvisoryProduct,
                Entry(meeting.CalendarUid, meeting.Sequence, meeting.StartsAt, meeting.EndsAt, meeting.JstName, meeting.Topic, null, null),
                organizer, new CalendarPerson(to.Email, to.FullName), meeting.CancelledAt),
        };

    public static RenderedMail Reminder(ReminderContent meeting, string fullName, string role) =>
        Letter.Render(ReminderKind, $"Przypomnienie: spotkanie doradcze {WarsawTime.InLetter(meeting.StartsAt)} — {meeting.JstName}", fullName,
            $"Przypominamy o spotkaniu doradczym „{meeting.Topic}” ({meeting.JstName}): zaczyna się za {Lead(meeting.LeadTime)}.",
            Term(meeting.StartsAt, meeting.EndsAt),
            Where(meeting.Mode, meeting.Location),
            role == AttendeeRole.Advisor
                ? "Prowadzisz to spotkanie jako doradca."
                : "Jeśli nie możesz przyjść, daj znać doradcy albo odwołaj spotkanie na platformie.");

    /// <summary>The organizer of the events mailed: the platform's sender.</summary>
    public static CalendarPerson Organizer(MailOptions mail) => mail.CalendarOrganizer();

    /// <summary>"24 godz.", "1 godz.", "90 min".</summary>
    public static string Lead(TimeSpan lead) =>
        lead.Ticks % TimeSpan.TicksPerHour == 0 ? $"{(long)lead.TotalHours} godz." : $"{(long)Math.Round(lead.TotalMinutes)} min";

    private static string Before(AdvisoryMeetingBooked meeting) =>
        meeting.PreviousStartsAt is { } before && before != meeting.StartsAt ? $" (miało się zacząć {WarsawTime.InLetter(before)})" : "";

    private static string Term(DateTimeOffset starts, DateTimeOffset ends) =>
        $"Termin: {WarsawTime.InLetter(starts)} – {WarsawTime.Clock(ends)} (czas polski).";

    private static string Where(string? mode, string? location) => mode == "onsite"
        ? $"Forma: stacjonarnie. Miejsce: {location ?? "doradca poda je osobno"}."
        : $"Forma: online. Łącze do spotkania: {location ?? "doradca poda je osobno"}";

    private static CalendarEntry Entry(string uid, int sequence, DateTimeOffset starts, DateTimeOffset ends, string jstName, string topic, string? mode,
        string? location) => new(uid, sequence, starts, ends, $"Spotkanie doradcze: {topic} — {jstName}")
    {
        Location = location,
        Url = mode == "online" && Uri.TryCreate(location, UriKind.Absolute, out var link) ? link : null,
    };
}
