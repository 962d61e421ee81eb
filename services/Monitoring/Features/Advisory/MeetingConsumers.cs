namespace Cro.Monitoring.Features.Advisory;

/// <summary>
/// Keeps each advisory meeting's standing: booked, then cancelled or held. A meeting is cancelled or held, never both,
/// so each event sets its own columns and a late booking (or its reschedule) never undoes either.
/// </summary>
public sealed class AdvisoryMeetingBookedConsumer(NpgsqlDataSource dataSource) : InboxConsumer<AdvisoryMeetingBooked>(dataSource)
{
    // The advisor who held the meeting, once known, stays its advisor.
    protected override Task HandleAsync(AdvisoryMeetingBooked message, DataSession session) =>
        session.ExecuteAsync("""
            INSERT INTO advisory_meetings (meeting_id, engagement_id, round_id, jst_terc, advisor_id, stage, booked_at)
            VALUES (@MeetingId, @EngagementId, @RoundId, @JstTerc, @AdvisorId, @Stage, @BookedAt)
            ON CONFLICT (meeting_id) DO UPDATE
                SET round_id = excluded.round_id, stage = coalesce(advisory_meetings.stage, excluded.stage),
                    advisor_id = CASE WHEN advisory_meetings.held_minutes IS NULL THEN excluded.advisor_id ELSE advisory_meetings.advisor_id END,
                    booked_at = least(advisory_meetings.booked_at, excluded.booked_at)
            """, new
        {
            message.MeetingId, message.EngagementId, message.RoundId, message.JstTerc, message.AdvisorId, message.Stage,
            BookedAt = message.BookedAt.ToUniversalTime(),
        });
}

public sealed class AdvisoryMeetingCancelledConsumer(NpgsqlDataSource dataSource) : InboxConsumer<AdvisoryMeetingCancelled>(dataSource)
{
    protected override Task HandleAsync(AdvisoryMeetingCancelled message, DataSession session) =>
        session.ExecuteAsync("""
            INSERT INTO advisory_meetings (meeting_id, engagement_id, jst_terc, cancelled_at)
            VALUES (@MeetingId, @EngagementId, @JstTerc, @CancelledAt)
            ON CONFLICT (meeting_id) DO UPDATE SET cancelled_at = excluded.cancelled_at
            """, new { message.MeetingId, message.EngagementId, message.JstTerc, CancelledAt = message.CancelledAt.ToUniversalTime() });
}

/// <summary>A meeting held: its minutes count for the JST (which is covered by advisory from then on) and for the advisor who held it.</summary>
public sealed class AdvisoryMeetingHeldConsumer(NpgsqlDataSource dataSource) : InboxConsumer<AdvisoryMeetingHeld>(dataSource)
{
    protected override Task HandleAsync(AdvisoryMeetingHeld message, DataSession session) =>
        session.ExecuteAsync("""
            INSERT INTO advisory_meetings (meeting_id, engagement_id, round_id, jst_terc, advisor_id, stage, held_minutes, participants, held_recorded_at)
            VALUES (@MeetingId, @EngagementId, @RoundId, @JstTerc, @AdvisorId, @Stage, @HeldMinutes, @Participants, @RecordedAt)
            ON CONFLICT (meeting_id) DO UPDATE
                SET round_id = excluded.round_id, advisor_id = excluded.advisor_id, stage = excluded.stage, held_minutes = excluded.held_minutes,
                    participants = excluded.participants, held_recorded_at = excluded.held_recorded_at
                WHERE advisory_meetings.held_recorded_at IS NULL OR advisory_meetings.held_recorded_at <= excluded.held_recorded_at
            """, new
        {
            message.MeetingId, message.EngagementId, message.RoundId, message.JstTerc, message.AdvisorId, message.Stage, message.HeldMinutes,
            message.Participants, RecordedAt = message.RecordedAt.ToUniversalTime(),
        });
}
