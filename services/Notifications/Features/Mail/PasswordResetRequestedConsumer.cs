using Cro.BuildingBlocks.Persistence;
using Cro.BuildingBlocks.Messaging;
using Cro.Contracts;
using Cro.Notifications.Features.Delivery;
using Npgsql;

namespace Cro.Notifications.Features.Mail;

/// <summary>Queues the password-reset mail in the inbox transaction; <see cref="MailSender"/> delivers it.</summary>
public sealed class PasswordResetRequestedConsumer(NpgsqlDataSource dataSource)
    : InboxConsumer<PasswordResetRequested>(dataSource)
{
    protected override Task HandleAsync(PasswordResetRequested message, DataSession session) =>
        session.EnqueueMailAsync(MessageId, message.UserId, message.Email, PasswordResetMail.Render(message));
}
