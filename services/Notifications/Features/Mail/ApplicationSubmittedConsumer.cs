namespace Cro.Notifications.Features.Mail;

/// <summary>The confirmation of a submitted application, to the team's coordinator.</summary>
public sealed class ApplicationSubmittedConsumer(NpgsqlDataSource dataSource)
    : CoordinatorMailConsumer<ApplicationSubmitted>(dataSource, ApplicationSubmittedMail.Coordinator, ApplicationSubmittedMail.Render);
