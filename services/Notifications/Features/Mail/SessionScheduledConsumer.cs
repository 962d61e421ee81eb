using Cro.BuildingBlocks.Persistence;
using Cro.BuildingBlocks.Messaging;
using Cro.Contracts;
using Cro.Notifications.Features.Delivery;
using Npgsql;
using UUIDNext;

namespace Cro.Notifications.Features.Mail;

/// <summary>
/// Queues the notice of a new or moved session for everyone the event names, in the inbox transaction.
/// A mail is kept once per event (its message id); here one event makes a mail per person, so each gets
/// an id derived from the event's and the address: a redelivery finds them all already queued.
/// </summary>
public sealed class SessionScheduledConsumer(NpgsqlDataSource dataSource) : InboxConsumer<SessionScheduled>(dataSource)
{
    private static readonly Guid MailPerPerson = Guid.Parse("5d3c3f0e-2f5e-4a55-9a43-6f1f1f7f8a10");

    protected override async Task HandleAsync(SessionScheduled message, DataSession session)
    {
        foreach (var attendee in message.Attendees.DistinctBy(a => a.Email.ToLowerInvariant()))
        {
            var mailId = Uuid.NewNameBased(MailPerPerson, $"{MessageId}/{attendee.Email.ToLowerInvariant()}");
            await session.EnqueueMailAsync(mailId, attendee.ParticipantId, attendee.Email, SessionScheduledMail.Render(message, attendee));
        }
    }
}
