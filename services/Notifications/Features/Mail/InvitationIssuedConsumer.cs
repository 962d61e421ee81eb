using Cro.BuildingBlocks.Persistence;
using Cro.BuildingBlocks.Messaging;
using Cro.Contracts;
using Cro.Notifications.Features.Delivery;
using Cro.ServiceDefaults;
using Npgsql;

namespace Cro.Notifications.Features.Mail;

/// <summary>Queues the invitation mail in the inbox transaction; <see cref="MailSender"/> delivers it.</summary>
public sealed class InvitationIssuedConsumer(NpgsqlDataSource dataSource, IConfiguration configuration)
    : InboxConsumer<InvitationIssued>(dataSource)
{
    protected override Task HandleAsync(InvitationIssued message, DataSession session) =>
        session.EnqueueMailAsync(MessageId, message.UserId, message.Email,
            InvitationMail.Render(message, OperatorContact.From(configuration)));
}
