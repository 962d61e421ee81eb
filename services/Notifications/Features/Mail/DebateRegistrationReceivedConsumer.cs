using Cro.Notifications.Features.Delivery;

namespace Cro.Notifications.Features.Mail;

/// <summary>
/// Queues the confirmation of a debate registration in the inbox transaction; <see cref="MailSender"/> delivers it. The
/// person has no account, so the mail is stored without a person id (erasure finds it by the address).
/// </summary>
public sealed class DebateRegistrationReceivedConsumer(NpgsqlDataSource dataSource, IConfiguration configuration)
    : SingleMailConsumer<DebateRegistrationReceived>(dataSource, _ => null, registration => registration.Email,
        registration => DebateRegistrationMail.Render(registration, OperatorContact.From(configuration)));
