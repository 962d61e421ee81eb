using Cro.BuildingBlocks.Messaging;
using Cro.Contracts;
using Cro.Notifications.Features.Delivery;
using Npgsql;

namespace Cro.Notifications.Features.Mail;

/// <summary>
/// Queues the confirmation for the team's coordinator in the inbox transaction; <see cref="MailSender"/>
/// delivers it. The coordinator has no account yet: the mail is stored under their team member id.
/// </summary>
public sealed class ApplicationSubmittedConsumer(NpgsqlDataSource dataSource)
    : InboxConsumer<ApplicationSubmitted>(dataSource)
{
    protected override Task HandleAsync(ApplicationSubmitted message, NpgsqlTransaction transaction, CancellationToken ct)
    {
        var coordinator = ApplicationSubmittedMail.Coordinator(message);
        return transaction.EnqueueMailAsync(MessageId, coordinator.MemberId, coordinator.Email,
            ApplicationSubmittedMail.Render(message), ct);
    }
}
