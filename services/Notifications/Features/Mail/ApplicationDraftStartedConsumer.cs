using Cro.Notifications.Features.Delivery;

namespace Cro.Notifications.Features.Mail;

/// <summary>
/// Queues the draft's link for its coordinator in the inbox transaction; <see cref="MailSender"/> delivers it.
/// The coordinator has no account yet, so the mail is stored without a person id.
/// </summary>
public sealed class ApplicationDraftStartedConsumer(NpgsqlDataSource dataSource)
    : SingleMailConsumer<ApplicationDraftStarted>(dataSource, _ => null, draft => draft.CoordinatorEmail, ApplicationDraftMail.Render);
