namespace Cro.Notifications.Features.Mail;

/// <summary>The rejection and its reason, to the team's coordinator.</summary>
public sealed class ApplicationRejectedConsumer(NpgsqlDataSource dataSource)
    : CoordinatorMailConsumer<ApplicationRejected>(dataSource, rejected => rejected.Coordinator, ApplicationRejectedMail.Render);
