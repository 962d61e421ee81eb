using Cro.BuildingBlocks.Messaging;
using Cro.Contracts;
using Cro.Notifications.Features.Delivery;
using MassTransit;
using Npgsql;

namespace Cro.Notifications.Features.Mail;

/// <summary>Queues the password-reset mail in the inbox transaction; the context is there for the MessageId, as in <see cref="InvitationIssuedConsumer"/>.</summary>
public sealed class PasswordResetRequestedConsumer(NpgsqlDataSource dataSource, ConsumeContext context)
    : InboxConsumer<PasswordResetRequested>(dataSource)
{
    protected override Task HandleAsync(PasswordResetRequested message, NpgsqlTransaction transaction, CancellationToken ct) =>
        transaction.EnqueueMailAsync(context.MessageId!.Value, message.UserId, message.Email, PasswordResetMail.Render(message), ct);
}
