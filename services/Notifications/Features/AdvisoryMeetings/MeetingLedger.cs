namespace Cro.Notifications.Features.AdvisoryMeetings;

/// <summary>
/// Advisory meetings as notifications knows them from advisory's events: the latest state of each and its attendees.
/// Events may arrive out of order (each kind has its own queue, and a retry delays one), so an event changes the meeting
/// only when its sequence is higher than any applied before; an older or repeated one is ignored with all it would do.
/// </summary>
public static class MeetingLedger
{
    /// <summary>A meeting's state as one event tells it; a cancellation tells no stage, form or place.</summary>
    public sealed record MeetingState(Guid MeetingId, string CalendarUid, int Sequence, string Status, string JstTerc, string JstName, string Topic,
        string? Stage, string? Mode, string? Location, DateTimeOffset StartsAt, DateTimeOffset EndsAt);

    public static MeetingState Of(AdvisoryMeetingBooked booked) => new(booked.MeetingId, booked.CalendarUid, booked.Sequence, MeetingStatus.Booked,
        booked.JstTerc, booked.JstName, booked.Topic, booked.Stage, booked.Mode, booked.Location, booked.StartsAt, booked.EndsAt);

    public static MeetingState Of(AdvisoryMeetingCancelled cancelled) => new(cancelled.MeetingId, cancelled.CalendarUid, cancelled.Sequence,
        MeetingStatus.Cancelled, cancelled.JstTerc, cancelled.JstName, cancelled.Topic, null, null, null, cancelled.StartsAt, cancelled.EndsAt);

    /// <summary>
    /// Records <paramref name="meeting"/> and its attendees, unless an event of the same or a higher sequence was applied
    /// before; returns whether it did. Two events of one meeting applied at once queue up on its row.
    /// </summary>
    public static async Task<bool> ApplyAsync(DataSession session, MeetingState meeting, IReadOnlyList<MeetingAttendee> attendees, DateTimeOffset now)
    {
        var applied = await session.QuerySingleOrDefaultAsync<Guid?>("""
            INSERT INTO advisory_meetings (meeting_id, calendar_uid, sequence, status, jst_terc, jst_name, topic, stage, mode, location, starts_at,
                                           ends_at, updated_at)
            VALUES (@MeetingId, @CalendarUid, @Sequence, @Status, @JstTerc, @JstName, @Topic, @Stage, @Mode, @Location, @StartsAt, @EndsAt, @now)
            ON CONFLICT (meeting_id) DO UPDATE SET
                calendar_uid = excluded.calendar_uid, sequence = excluded.sequence, status = excluded.status, jst_terc = excluded.jst_terc,
                jst_name = excluded.jst_name, topic = excluded.topic, starts_at = excluded.starts_at, ends_at = excluded.ends_at,
                stage = COALESCE(excluded.stage, advisory_meetings.stage), mode = COALESCE(excluded.mode, advisory_meetings.mode),
                location = CASE WHEN excluded.mode IS NULL THEN advisory_meetings.location ELSE excluded.location END,
                updated_at = excluded.updated_at
            WHERE advisory_meetings.sequence < excluded.sequence
            RETURNING meeting_id
            """, new
        {
            meeting.MeetingId, meeting.CalendarUid, meeting.Sequence, meeting.Status, meeting.JstTerc, meeting.JstName, meeting.Topic, meeting.Stage,
            meeting.Mode, meeting.Location, StartsAt = meeting.StartsAt.ToUniversalTime(), EndsAt = meeting.EndsAt.ToUniversalTime(),
            now = now.ToUniversalTime(),
        });
        if (applied is null)
        {
            return false;
        }
        var people = attendees.DistinctBy(a => a.Email.ToLowerInvariant()).ToList();
        await session.ExecuteAsync("""
            DELETE FROM advisory_meeting_attendees WHERE meeting_id = @MeetingId;
            INSERT INTO advisory_meeting_attendees (meeting_id, email, member_id, full_name, role)
            SELECT @MeetingId, lower(a.email), a.member_id, a.full_name, a.role
            FROM unnest(@emails, @memberIds, @names, @roles) AS a (email, member_id, full_name, role);
            """, new
        {
            meeting.MeetingId, emails = people.Select(a => a.Email).ToArray(), memberIds = people.Select(a => a.MemberId).ToArray(),
            names = people.Select(a => a.FullName).ToArray(), roles = people.Select(a => a.Role).ToArray(),
        });
        return true;
    }
}

/// <summary>A meeting's states as notifications keeps them.</summary>
public static class MeetingStatus
{
    public const string Booked = "booked";
    public const string Cancelled = "cancelled";
}

/// <summary>Who an attendee is to the meeting, as the events name them.</summary>
public static class AttendeeRole
{
    public const string Advisor = "advisor";
    public const string Member = "member";
}
