using Cro.BuildingBlocks.Messaging;
using Cro.Notifications.Features.Delivery;

namespace Cro.Notifications.Features.Mail;

/// <summary>
/// Queues the one mail an event makes, to one address, in the inbox transaction, under the event's message id;
/// <see cref="MailSender"/> delivers it. A redelivered event finds its inbox row and queues nothing.
/// </summary>
/// <param name="userId">Whose mail it is, for erasure and the data export; null for someone known by the address only.</param>
/// <param name="email">Where it goes.</param>
/// <param name="render">The mail itself.</param>
public abstract class SingleMailConsumer<TEvent>(NpgsqlDataSource dataSource,
    Func<TEvent, Guid?> userId, Func<TEvent, string> email, Func<TEvent, RenderedMail> render)
    : InboxConsumer<TEvent>(dataSource) where TEvent : class
{
    protected override Task HandleAsync(TEvent message, DataSession session) =>
        session.EnqueueMailAsync(MessageId, userId(message), email(message), render(message));
}
