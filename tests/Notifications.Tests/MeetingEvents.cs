namespace Cro.Notifications.Tests;

/// <summary>Advisory meeting events as advisory would publish them, for a new meeting with new people each time.</summary>
public static class MeetingEvents
{
    public const string Link = "https://spotkania.example.pl/doradca-12";

    /// <summary>A booking of an online meeting of an hour, its advisor and two members of Gmina Gromadka's team attending.</summary>
    public static AdvisoryMeetingBooked Booked(DateTimeOffset startsAt)
    {
        var meetingId = Guid.CreateVersion7();
        return new AdvisoryMeetingBooked
        {
            MeetingId = meetingId, EngagementId = Guid.CreateVersion7(), RoundId = Guid.CreateVersion7(), JstTerc = "0201022", JstName = "Gmina Gromadka",
            AdvisorId = Guid.CreateVersion7(), StartsAt = startsAt, EndsAt = startsAt.AddHours(1), Topic = "Ankiety w szkołach", Stage = "diagnosis",
            Mode = "online", Location = Link, CalendarUid = $"{meetingId}@cro-advisory", Rescheduled = false, Sequence = 0,
            Attendees =
            [
                new MeetingAttendee { FullName = "Ewa Doradczyni", Email = $"doradca-{Guid.NewGuid():N}@ore.example.pl", Role = "advisor" },
                new MeetingAttendee { MemberId = Guid.CreateVersion7(), FullName = "Anna Nowak", Email = $"anna-{Guid.NewGuid():N}@gromadka.example.pl", Role = "member" },
                new MeetingAttendee { MemberId = Guid.CreateVersion7(), FullName = "Jan Kowalski", Email = $"jan-{Guid.NewGuid():N}@gromadka.example.pl", Role = "member" },
            ],
            BookedAt = DateTimeOffset.UtcNow,
        };
    }

    /// <summary>The meeting moved to <paramref name="startsAt"/>: the next sequence, saying when it was to start.</summary>
    public static AdvisoryMeetingBooked Moved(AdvisoryMeetingBooked meeting, DateTimeOffset startsAt) => meeting with
    {
        StartsAt = startsAt, EndsAt = startsAt + (meeting.EndsAt - meeting.StartsAt), Rescheduled = true, PreviousStartsAt = meeting.StartsAt,
        Sequence = meeting.Sequence + 1, BookedAt = DateTimeOffset.UtcNow,
    };

    public static AdvisoryMeetingCancelled Cancelled(AdvisoryMeetingBooked meeting, string reason = "Doradca jest chory.") => new()
    {
        MeetingId = meeting.MeetingId, EngagementId = meeting.EngagementId, JstTerc = meeting.JstTerc, JstName = meeting.JstName,
        StartsAt = meeting.StartsAt, EndsAt = meeting.EndsAt, Topic = meeting.Topic, Reason = reason, CancelledBy = "Ewa Doradczyni",
        CalendarUid = meeting.CalendarUid, Sequence = meeting.Sequence + 1, Attendees = meeting.Attendees, CancelledAt = DateTimeOffset.UtcNow,
    };

    /// <summary>A whole hour at least <paramref name="daysAhead"/> days from <paramref name="now"/>.</summary>
    public static DateTimeOffset DaysAhead(DateTimeOffset now, int daysAhead) =>
        new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(daysAhead).AddHours(8);
}
