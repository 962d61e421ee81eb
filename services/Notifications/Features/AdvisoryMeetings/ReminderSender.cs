using Cro.Notifications.Features.Delivery;
using Cro.ServiceDefaults.Security;
using Microsoft.Extensions.Options;

namespace Cro.Notifications.Features.AdvisoryMeetings;

/// <summary>
/// Turns due reminders into mail, in the loop of <see cref="NotifiedBatchWorker"/> as MailSender sends: woken by NOTIFY
/// when reminders are planned and looking anyway every <see cref="MailOptions.PollInterval"/>. A batch claims due rows with
/// FOR UPDATE SKIP LOCKED, so replicas never take the same one, and in the same transaction queues each one's mail
/// (outgoing_mail, message id = the reminder's id) and marks it queued: a crash before the commit leaves it pending for the
/// next round, and after it the reminder is queued once, never twice. A reminder that cannot be handed over is retried with
/// the mail's back-off and, after <see cref="MailOptions.MaxAttempts"/>, marked failed for ORE to see. A reminder of a
/// meeting that changed meanwhile, or that can no longer go before the meeting starts, is cancelled with the reason.
/// </summary>
public sealed class ReminderSender(NpgsqlDataSource dataSource, IOptions<MailOptions> options, ILogger<ReminderSender> logger, TimeProvider time)
    : NotifiedBatchWorker(dataSource, new Pacing("Advisory reminders", ReminderSchedule.NotifyChannel, options.Value.BatchSize,
        options.Value.PollInterval, options.Value.FirstRetryDelay), logger, time)
{
    private readonly MailOptions _options = options.Value;

    private sealed record DueReminder(Guid Id, Guid MeetingId, int Sequence, string Recipient, Guid? MemberId, string FullName, string Role,
        TimeSpan LeadTime, int Attempts, int MeetingSequence, string MeetingStatus, string JstName, string Topic, string? Mode, string? Location,
        DateTimeOffset StartsAt, DateTimeOffset EndsAt);

    protected override Task<int> ProcessBatchAsync(CancellationToken ct) => SendDueAsync(ct);

    /// <summary>Hands one batch of due reminders to the mail queue; returns how many it claimed.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var now = Time.GetUtcNow();
        await using var session = await DataSession.OpenAsync(DataSource, JstScope.All, ct);
        var due = (await session.QueryAsync<DueReminder>($"""
            SELECT r.id, r.meeting_id, r.sequence, r.recipient, r.member_id, r.full_name, r.role, r.lead_time, r.attempts,
                   m.sequence AS meeting_sequence, m.status AS meeting_status, m.jst_name, m.topic, m.mode, m.location, m.starts_at, m.ends_at
            FROM scheduled_reminders r JOIN advisory_meetings m ON m.meeting_id = r.meeting_id
            WHERE r.status = '{ReminderStatus.Pending}' AND r.next_attempt_at <= @now
            ORDER BY r.next_attempt_at, r.id
            LIMIT @batch
            FOR UPDATE OF r SKIP LOCKED
            """, new { now = now.ToUniversalTime(), batch = _options.BatchSize })).ToList();
        foreach (var reminder in due)
        {
            // Each reminder on a savepoint: one that fails is rolled back alone and recorded, the rest go on.
            await session.Transaction.SaveAsync("reminder", ct);
            try
            {
                await HandOverAsync(session, reminder, now);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await session.Transaction.RollbackAsync("reminder", ct);
                await RecordFailureAsync(session, reminder, e.GetBaseException().Message, now);
            }
        }
        await session.CommitAsync();
        return due.Count;
    }

    private static async Task HandOverAsync(DataSession session, DueReminder reminder, DateTimeOffset now)
    {
        if (reminder.MeetingStatus != MeetingStatus.Booked || reminder.MeetingSequence != reminder.Sequence)
        {
            await CancelAsync(session, reminder, CancelReason.Superseded, now);
            return;
        }
        if (reminder.StartsAt <= now)
        {
            await CancelAsync(session, reminder, CancelReason.TooLate, now);
            return;
        }
        var mail = AdvisoryMeetingMail.Reminder(new AdvisoryMeetingMail.ReminderContent(reminder.JstName, reminder.Topic, reminder.Mode,
            reminder.Location, reminder.StartsAt, reminder.EndsAt, reminder.LeadTime), reminder.FullName, reminder.Role);
        await session.EnqueueMailAsync(reminder.Id, reminder.MemberId, reminder.Recipient, mail);
        // Nothing is queued for a person whose data was erased: then there is no mail, and the reminder says why.
        await session.ExecuteAsync($"""
            UPDATE scheduled_reminders r
            SET status = CASE WHEN queued THEN '{ReminderStatus.Queued}' ELSE '{ReminderStatus.Cancelled}' END,
                cancel_reason = CASE WHEN queued THEN NULL ELSE '{CancelReason.RecipientErased}' END, updated_at = @now
            FROM (SELECT EXISTS (SELECT 1 FROM outgoing_mail WHERE message_id = @Id) AS queued) q
            WHERE r.id = @Id
            """, new { reminder.Id, now = now.ToUniversalTime() });
    }

    private static Task CancelAsync(DataSession session, DueReminder reminder, string reason, DateTimeOffset now) =>
        session.ExecuteAsync($"""
            UPDATE scheduled_reminders SET status = '{ReminderStatus.Cancelled}', cancel_reason = @reason, updated_at = @now WHERE id = @Id
            """, new { reminder.Id, reason, now = now.ToUniversalTime() });

    private async Task RecordFailureAsync(DataSession session, DueReminder reminder, string error, DateTimeOffset now)
    {
        var attempts = reminder.Attempts + 1;
        var failed = attempts >= _options.MaxAttempts;
        await session.ExecuteAsync($"""
            UPDATE scheduled_reminders
            SET attempts = @attempts, last_error = @error, next_attempt_at = @next, updated_at = @now,
                status = CASE WHEN @failed THEN '{ReminderStatus.Failed}' ELSE status END
            WHERE id = @Id
            """, new
        {
            reminder.Id, attempts, error, failed, next = (now + _options.RetryDelay(reminder.Attempts)).ToUniversalTime(), now = now.ToUniversalTime(),
        });
        if (failed)
        {
            Logger.LogError("Reminder {ReminderId} of meeting {MeetingId} given up after {Attempts} attempts; it stays as failed: {Error}",
                reminder.Id, reminder.MeetingId, attempts, error);
        }
        else
        {
            Logger.LogWarning("Reminder {ReminderId} not handed over (attempt {Attempts}); will retry: {Error}", reminder.Id, attempts, error);
        }
    }

    /// <summary>Deletes meetings (with their attendees and reminders) that ended longer than <see cref="MailOptions.Retention"/> ago.</summary>
    protected override async Task CleanUpAsync(CancellationToken ct)
    {
        await using var session = await DataSession.OpenAsync(DataSource, JstScope.All, ct);
        await session.ExecuteAsync("DELETE FROM advisory_meetings WHERE ends_at < @before",
            new { before = (Time.GetUtcNow() - _options.Retention).ToUniversalTime() });
        await session.CommitAsync();
    }
}
