using Cro.BuildingBlocks.Messaging;
using Cro.Contracts;
using Cro.Notifications.Features.Delivery;
using MassTransit;
using Npgsql;

namespace Cro.Notifications.Features.Mail;

/// <summary>
/// Queues the invitation mail in the inbox transaction; <see cref="MailSender"/> delivers it. The
/// consume context is injected only for the event's MessageId, which <see cref="InboxConsumer{TMessage}"/>
/// does not pass to <c>HandleAsync</c>.
/// </summary>
public sealed class InvitationIssuedConsumer(NpgsqlDataSource dataSource, ConsumeContext context)
    : InboxConsumer<InvitationIssued>(dataSource)
{
    protected override Task HandleAsync(InvitationIssued message, NpgsqlTransaction transaction, CancellationToken ct) =>
        transaction.EnqueueMailAsync(context.MessageId!.Value, message.UserId, message.Email, InvitationMail.Render(message), ct);
}
