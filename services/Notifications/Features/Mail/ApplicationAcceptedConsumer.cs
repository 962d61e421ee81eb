namespace Cro.Notifications.Features.Mail;

/// <summary>The acceptance, to the accepted team's coordinator.</summary>
public sealed class ApplicationAcceptedConsumer(NpgsqlDataSource dataSource)
    : CoordinatorMailConsumer<ApplicationAccepted>(dataSource, ApplicationAcceptedMail.Coordinator, ApplicationAcceptedMail.Render);
