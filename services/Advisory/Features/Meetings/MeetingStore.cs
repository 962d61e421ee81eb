using Cro.Contracts;

namespace Cro.Advisory.Features.Meetings;

/// <summary>Reads meetings and the people a meeting's notices go to.</summary>
internal static class MeetingStore
{
    public static Task<MeetingRow?> FindAsync(DataSession session, Guid id, bool forUpdate = false) =>
        session.QuerySingleOrDefaultAsync<MeetingRow>(MeetingRow.Select + " WHERE m.id = @id" + (forUpdate ? " FOR UPDATE OF m" : ""), new { id });

    public static async Task<MeetingView> ViewAsync(DataSession session, MeetingRow meeting) => meeting.ToView((await session.QueryAsync<MeetingParticipant>(
        "SELECT member_id, full_name, role FROM meeting_participants WHERE meeting_id = @Id ORDER BY ordinal", new { meeting.Id })).ToList());

    /// <summary>The advisor and the team's present members: whom the confirmation, change and cancellation notices reach.</summary>
    public static async Task<IReadOnlyList<MeetingAttendee>> AttendeesAsync(DataSession session, MeetingRow meeting)
    {
        var members = await session.QueryAsync<MeetingAttendee>($"""
            SELECT m.id AS member_id, m.full_name, m.email, 'member' AS role FROM team_members m JOIN engagements e ON e.application_id = m.application_id
            WHERE e.id = @EngagementId AND m.left_at IS NULL ORDER BY m.is_coordinator DESC, m.full_name
            """, new { meeting.EngagementId });
        return [new MeetingAttendee { FullName = meeting.AdvisorName, Email = meeting.AdvisorEmail, Role = "advisor" }, .. members];
    }

    public static async Task<AdvisoryMeetingBooked> BookedEventAsync(DataSession session, MeetingRow meeting, DateTimeOffset? previousStartsAt,
        DateTimeOffset now) => new()
    {
        MeetingId = meeting.Id, EngagementId = meeting.EngagementId, RoundId = meeting.RoundId, JstTerc = meeting.JstTerc, JstName = meeting.JstName,
        AdvisorId = meeting.AdvisorId, StartsAt = meeting.StartsAt, EndsAt = meeting.EndsAt, Topic = meeting.Topic, Stage = meeting.Stage,
        Mode = meeting.Mode, Location = meeting.Location, CalendarUid = meeting.CalendarUid, Rescheduled = previousStartsAt is not null,
        PreviousStartsAt = previousStartsAt, Sequence = meeting.Sequence, Attendees = await AttendeesAsync(session, meeting), BookedAt = now,
    };
}
