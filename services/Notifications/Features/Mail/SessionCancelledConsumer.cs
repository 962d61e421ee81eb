using Cro.BuildingBlocks.Messaging;
using Cro.Notifications.Features.Delivery;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Cro.Notifications.Features.Mail;

/// <summary>
/// Queues the notice of a cancelled session for everyone the event names, in the inbox transaction, as
/// <see cref="SessionScheduledConsumer"/> does: one mail per person, so nobody is mailed twice.
/// </summary>
public sealed class SessionCancelledConsumer(NpgsqlDataSource dataSource, IOptions<MailOptions> mail) : InboxConsumer<SessionCancelled>(dataSource)
{
    private static readonly Guid MailPerPerson = Guid.Parse("0b7f3c52-96a1-4d1e-b0f4-2a7e6c1d9e33");

    protected override Task HandleAsync(SessionCancelled message, DataSession session)
    {
        var organizer = MailboxAddress.Parse(mail.Value.From).Address;
        return session.EnqueueMailToEachAsync(MailPerPerson, MessageId, message.Attendees, a => a.Email, a => a.ParticipantId,
            a => SessionCancelledMail.Render(message, a, organizer));
    }
}
