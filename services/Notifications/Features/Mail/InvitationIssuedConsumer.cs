using Cro.Notifications.Features.Delivery;

namespace Cro.Notifications.Features.Mail;

/// <summary>Queues the invitation mail in the inbox transaction; <see cref="MailSender"/> delivers it.</summary>
public sealed class InvitationIssuedConsumer(NpgsqlDataSource dataSource, IConfiguration configuration)
    : SingleMailConsumer<InvitationIssued>(dataSource, invitation => invitation.UserId, invitation => invitation.Email,
        invitation => InvitationMail.Render(invitation, OperatorContact.From(configuration)));
