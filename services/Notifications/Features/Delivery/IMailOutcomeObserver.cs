namespace Cro.Notifications.Features.Delivery;

/// <summary>
/// Told what became of each attempt <see cref="MailSender"/> made at a mail, inside the transaction that records it on
/// the mail's row: code that queued a mail for something of its own (a reminder) keeps that thing's state with the mail's,
/// never one without the other.
/// </summary>
public interface IMailOutcomeObserver
{
    Task MailAttemptedAsync(NpgsqlTransaction transaction, MailAttempt attempt);
}

/// <param name="MessageId">What the mail was queued for (see <see cref="OutgoingMail.EnqueueMailAsync"/>).</param>
/// <param name="Kind">The template that wrote it.</param>
/// <param name="Outcome"><see cref="MailOutcome.Sent"/>, <see cref="MailOutcome.Deferred"/> (to be tried again) or <see cref="MailOutcome.Failed"/> (given up).</param>
/// <param name="Error">Why it was not accepted; null when it was.</param>
public sealed record MailAttempt(Guid MailId, Guid MessageId, string Kind, string Outcome, string? Error);

public static class MailOutcome
{
    public const string Sent = "sent";
    public const string Deferred = "deferred";
    public const string Failed = "failed";
}
