using Cro.Notifications.Features.Delivery;
using Dapper;

namespace Cro.Notifications.Features.AdvisoryMeetings;

/// <summary>
/// Keeps a queued reminder's state with its mail's, in MailSender's transaction: every SMTP attempt counts as an attempt of
/// the reminder (with the server's answer as its last error); the mail accepted makes it sent, the mail given up failed. A failed
/// reminder whose mail an operator sends again becomes sent when it goes.
/// </summary>
internal sealed class ReminderMailOutcome(TimeProvider time) : IMailOutcomeObserver
{
    public Task MailAttemptedAsync(NpgsqlTransaction transaction, MailAttempt attempt) =>
        attempt.Kind != AdvisoryMeetingMail.ReminderKind
            ? Task.CompletedTask
            : transaction.Connection!.ExecuteAsync(new CommandDefinition($"""
                UPDATE scheduled_reminders
                SET attempts = attempts + 1, last_error = @Error, updated_at = @now,
                    status = CASE @Outcome WHEN '{MailOutcome.Sent}' THEN '{ReminderStatus.Sent}'
                                           WHEN '{MailOutcome.Failed}' THEN '{ReminderStatus.Failed}' ELSE status END
                WHERE id = @MessageId AND status IN ('{ReminderStatus.Queued}', '{ReminderStatus.Failed}')
                """, new { attempt.MessageId, attempt.Error, attempt.Outcome, now = time.GetUtcNow().ToUniversalTime() }, transaction));
}
