namespace Cro.Notifications.Features.Mail;

/// <summary>The place on the reserve list, to the team's coordinator.</summary>
public sealed class ApplicationPutOnReserveConsumer(NpgsqlDataSource dataSource)
    : CoordinatorMailConsumer<ApplicationPutOnReserve>(dataSource, reserve => reserve.Coordinator, ApplicationReserveMail.Render);
