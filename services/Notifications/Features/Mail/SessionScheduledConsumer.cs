using Cro.BuildingBlocks.Messaging;
using Cro.Notifications.Features.Delivery;

namespace Cro.Notifications.Features.Mail;

/// <summary>
/// Queues the notice of a new or moved session for everyone the event names, in the inbox transaction: one mail per
/// person (<see cref="OutgoingMail.EnqueueMailToEachAsync{TPerson}"/>), so a redelivery finds them all already queued.
/// </summary>
public sealed class SessionScheduledConsumer(NpgsqlDataSource dataSource) : InboxConsumer<SessionScheduled>(dataSource)
{
    private static readonly Guid MailPerPerson = Guid.Parse("5d3c3f0e-2f5e-4a55-9a43-6f1f1f7f8a10");

    protected override Task HandleAsync(SessionScheduled message, DataSession session) =>
        session.EnqueueMailToEachAsync(MailPerPerson, MessageId, message.Attendees, a => a.Email, a => a.ParticipantId,
            a => SessionScheduledMail.Render(message, a));
}
