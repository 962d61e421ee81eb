using System.Diagnostics.Metrics;

namespace Cro.Notifications.Features.Webhooks.Delivery;

/// <summary>What an operator watches of the partner's webhooks: attempts by what came of them.</summary>
internal static class WebhookMetrics
{
    private static readonly Meter Meter = new("cro.notifications");

    public static readonly Counter<long> Attempts = Meter.CreateCounter<long>("cro.webhook.attempts", "{attempt}",
        "Webhook delivery attempts, by outcome: delivered, pending (to be retried) or failed (given up, or the endpoint is gone).");
}
