using Cro.BuildingBlocks.Persistence;
using Cro.BuildingBlocks.Messaging;
using Cro.Contracts;
using Cro.Notifications.Features.Delivery;
using Npgsql;

namespace Cro.Notifications.Features.Mail;

/// <summary>
/// Queues the draft's link for its coordinator in the inbox transaction; <see cref="MailSender"/> delivers it.
/// The coordinator has no account yet, so the mail is stored without a person id.
/// </summary>
public sealed class ApplicationDraftStartedConsumer(NpgsqlDataSource dataSource)
    : InboxConsumer<ApplicationDraftStarted>(dataSource)
{
    protected override Task HandleAsync(ApplicationDraftStarted message, DataSession session) =>
        session.EnqueueMailAsync(MessageId, userId: null, message.CoordinatorEmail, ApplicationDraftMail.Render(message));
}
