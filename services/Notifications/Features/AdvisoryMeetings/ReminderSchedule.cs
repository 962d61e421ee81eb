using UUIDNext;

namespace Cro.Notifications.Features.AdvisoryMeetings;

/// <summary>
/// The reminders of advisory meetings as persisted jobs (scheduled_reminders): one per attendee and lead time for each
/// announced version of a meeting, planned when its booking arrives; those of an earlier version are called off when the
/// meeting moves, and all of them when it is cancelled. A reminder whose time has already passed when the booking arrives
/// is kept as cancelled (past-due), so what happened to each is visible. <see cref="ReminderSender"/> sends the due ones.
/// </summary>
internal static class ReminderSchedule
{
    public const string NotifyChannel = "cro_reminders";

    private static readonly Guid ReminderIds = Guid.Parse("4e0d6a4b-8f0c-4d2a-9a57-31c9d0b6e2f1");

    /// <summary>
    /// Calls off the reminders of <paramref name="meetingId"/> still to go: pending ones, and queued ones whose mail has not
    /// gone yet (that mail is cancelled with them). What MailSender is sending right now is waited for and then left alone.
    /// </summary>
    public static Task CancelAsync(DataSession session, Guid meetingId, string reason, DateTimeOffset now) =>
        session.ExecuteAsync($"""
            WITH stopped AS (
                UPDATE outgoing_mail SET status = 'cancelled'
                WHERE status = 'pending'
                  AND message_id IN (SELECT id FROM scheduled_reminders WHERE meeting_id = @meetingId AND status = '{ReminderStatus.Queued}')
                RETURNING message_id)
            UPDATE scheduled_reminders SET status = '{ReminderStatus.Cancelled}', cancel_reason = @reason, updated_at = @now
            WHERE meeting_id = @meetingId AND (status = '{ReminderStatus.Pending}' OR id IN (SELECT message_id FROM stopped))
            """, new { meetingId, reason, now = now.ToUniversalTime() });

    /// <summary>Plans a reminder per attendee and lead time for the version of the meeting <paramref name="meeting"/> announces.</summary>
    public static async Task PlanAsync(DataSession session, AdvisoryMeetingBooked meeting, IReadOnlyList<TimeSpan> leadTimes, DateTimeOffset now)
    {
        var reminders =
            from attendee in meeting.Attendees.DistinctBy(a => a.Email.ToLowerInvariant())
            from lead in leadTimes
            let due = meeting.StartsAt - lead
            let late = due <= now
            select new
            {
                id = Uuid.NewNameBased(ReminderIds, $"{meeting.MeetingId}/{meeting.Sequence}/{attendee.Email.ToLowerInvariant()}/{lead.Ticks}"),
                meeting.MeetingId, meeting.Sequence, recipient = attendee.Email, attendee.MemberId, attendee.FullName, attendee.Role, lead,
                due = due.ToUniversalTime(), status = late ? ReminderStatus.Cancelled : ReminderStatus.Pending,
                reason = late ? CancelReason.PastDue : null, now = now.ToUniversalTime(),
            };
        await session.ExecuteAsync("""
            INSERT INTO scheduled_reminders (id, meeting_id, sequence, recipient, member_id, full_name, role, lead_time, due_at, status, next_attempt_at,
                                             cancel_reason, created_at, updated_at)
            VALUES (@id, @MeetingId, @Sequence, @recipient, @MemberId, @FullName, @Role, @lead, @due, @status, @due, @reason, @now, @now)
            ON CONFLICT (id) DO NOTHING
            """, reminders.ToList());
        await session.ExecuteAsync($"SELECT pg_notify('{NotifyChannel}', '')");
    }
}

/// <summary>The states of a reminder (see the migration that creates scheduled_reminders).</summary>
public static class ReminderStatus
{
    public const string Pending = "pending";
    public const string Queued = "queued";
    public const string Sent = "sent";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";
}

/// <summary>Why a reminder was not sent.</summary>
public static class CancelReason
{
    /// <summary>The meeting moved: the reminders of its new time replace it.</summary>
    public const string Moved = "moved";
    public const string MeetingCancelled = "meeting-cancelled";
    /// <summary>Its time had passed when the booking (or the move) arrived.</summary>
    public const string PastDue = "past-due";
    /// <summary>A later change of the meeting was applied before it was due.</summary>
    public const string Superseded = "superseded";
    /// <summary>It could not go before the meeting started (the sender was away), so it did not go at all.</summary>
    public const string TooLate = "too-late";
    /// <summary>The recipient's personal data was erased.</summary>
    public const string RecipientErased = "recipient-erased";
}
