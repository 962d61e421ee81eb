namespace Cro.Notifications.Features.Mail;

/// <summary>The confirmation of a JST's withdrawal, to its team's coordinator.</summary>
public sealed class JstWithdrewConsumer(NpgsqlDataSource dataSource)
    : CoordinatorMailConsumer<JstWithdrew>(dataSource, JstWithdrewMail.Coordinator, JstWithdrewMail.Render);
