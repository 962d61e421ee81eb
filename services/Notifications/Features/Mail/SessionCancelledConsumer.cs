using Cro.BuildingBlocks.Persistence;
using Cro.BuildingBlocks.Messaging;
using Cro.Contracts;
using Cro.Notifications.Features.Delivery;
using Microsoft.Extensions.Options;
using MimeKit;
using Npgsql;
using UUIDNext;

namespace Cro.Notifications.Features.Mail;

/// <summary>
/// Queues the notice of a cancelled session for everyone the event names, in the inbox transaction, as
/// <see cref="SessionScheduledConsumer"/> does: one mail per person, its id derived from the event's and the
/// address, so a redelivered event finds them all already queued and nobody is mailed twice.
/// </summary>
public sealed class SessionCancelledConsumer(NpgsqlDataSource dataSource, IOptions<MailOptions> mail) : InboxConsumer<SessionCancelled>(dataSource)
{
    private static readonly Guid MailPerPerson = Guid.Parse("0b7f3c52-96a1-4d1e-b0f4-2a7e6c1d9e33");

    protected override async Task HandleAsync(SessionCancelled message, DataSession session)
    {
        var organizer = MailboxAddress.Parse(mail.Value.From).Address;
        foreach (var attendee in message.Attendees.DistinctBy(a => a.Email.ToLowerInvariant()))
        {
            var mailId = Uuid.NewNameBased(MailPerPerson, $"{MessageId}/{attendee.Email.ToLowerInvariant()}");
            await session.EnqueueMailAsync(mailId, attendee.ParticipantId, attendee.Email, SessionCancelledMail.Render(message, attendee, organizer));
        }
    }
}
