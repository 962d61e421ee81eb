using Cro.Notifications.Features.Webhooks.Catalogue;

namespace Cro.Notifications.Features.Webhooks.Api;

/// <summary>The partner's webhooks under /api/notifications/webhooks: the catalogue, endpoints, the delivery log and replays, and ORE's view of failures.</summary>
public static class WebhooksApi
{
    public static RouteGroupBuilder MapWebhooks(this RouteGroupBuilder api)
    {
        var webhooks = api.MapGroup("/webhooks").WithTags("Webhooki partnera / The partner's webhooks");
        webhooks.MapWebhookCatalogue();
        webhooks.MapWebhookEndpoints();
        webhooks.MapWebhookDeliveries();
        webhooks.MapFailingEndpoints();
        return api;
    }
}
