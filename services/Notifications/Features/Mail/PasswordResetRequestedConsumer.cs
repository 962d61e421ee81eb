using Cro.Notifications.Features.Delivery;

namespace Cro.Notifications.Features.Mail;

/// <summary>Queues the password-reset mail in the inbox transaction; <see cref="MailSender"/> delivers it.</summary>
public sealed class PasswordResetRequestedConsumer(NpgsqlDataSource dataSource)
    : SingleMailConsumer<PasswordResetRequested>(dataSource, reset => reset.UserId, reset => reset.Email, PasswordResetMail.Render);
