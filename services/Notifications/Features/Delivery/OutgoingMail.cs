using UUIDNext;

namespace Cro.Notifications.Features.Delivery;

/// <summary>
/// Queues a mail inside the consumer's transaction, so it exists exactly when the event is recorded as
/// handled: an event redelivered after the commit finds its inbox row and queues nothing. The NOTIFY
/// wakes <see cref="MailSender"/> at commit. Nothing is queued for a person already erased.
/// </summary>
public static class OutgoingMail
{
    public const string NotifyChannel = "cro_mail";

    /// <param name="userId">Whose mail it is, for erasure and the data export; null for someone known by the address only.</param>
    public static Task EnqueueMailAsync(this DataSession session, Guid messageId, Guid? userId, string recipient, RenderedMail mail) =>
        session.ExecuteAsync("""
            INSERT INTO outgoing_mail (id, message_id, user_id, kind, recipient, subject, html, text, calendar)
            SELECT @id, @messageId, @userId, @kind, @recipient, @subject, @html, @text, @calendar
            WHERE NOT EXISTS (SELECT 1 FROM erased_people WHERE user_id = @userId)
            ON CONFLICT (message_id) DO NOTHING;
            SELECT pg_notify('cro_mail', '');
            """,
            new
            {
                id = Guid.CreateVersion7(), messageId, userId, kind = mail.Kind, recipient,
                subject = mail.Subject, html = mail.Html, text = mail.Text, calendar = mail.Calendar,
            });

    /// <summary>
    /// Queues a mail for each person an event names, once per address. A mail is kept once per message id; here one event
    /// makes a mail per person, so each gets an id derived from the event's (<paramref name="messageId"/>), the address and
    /// <paramref name="mailNamespace"/> (one per kind of notice): a redelivery finds them all already queued.
    /// </summary>
    public static async Task EnqueueMailToEachAsync<TPerson>(this DataSession session, Guid mailNamespace, Guid messageId,
        IEnumerable<TPerson> people, Func<TPerson, string> email, Func<TPerson, Guid?> userId, Func<TPerson, RenderedMail> render)
    {
        foreach (var person in people.DistinctBy(p => email(p).ToLowerInvariant()))
        {
            var address = email(person);
            await session.EnqueueMailAsync(Uuid.NewNameBased(mailNamespace, $"{messageId}/{address.ToLowerInvariant()}"), userId(person), address,
                render(person));
        }
    }
}
