namespace Cro.Web.Account.Api;

// IdentityClient and NotificationsClient, with their models, are generated from services/Identity/openapi/identity.json and
// services/Notifications/openapi/notifications.json (ServiceClients.targets); both are called as the signed-in person.

public partial class IdentityClient : IServiceClient
{
    public static string Unavailable => Text.Pick("Usługa kont jest chwilowo niedostępna; spróbuj ponownie za chwilę.",
        "The accounts service is unavailable at the moment; try again in a moment.");
}

public partial class NotificationsClient : IServiceClient
{
    public static string Unavailable => Text.Pick("Usługa powiadomień jest chwilowo niedostępna; spróbuj ponownie za chwilę.",
        "The notifications service is unavailable at the moment; try again in a moment.");
}
