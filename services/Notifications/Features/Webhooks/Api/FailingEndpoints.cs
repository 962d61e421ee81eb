using Dapper;
using Cro.ServiceDefaults.Security;

namespace Cro.Notifications.Features.Webhooks.Api;

/// <summary>
/// GET /api/notifications/webhooks/failing — for ORE's dashboard: the partners' endpoints that need a person: disabled
/// after answering 410, or whose latest attempts fail (deliveries waiting on a retry, or given up in the last 7 days).
/// </summary>
public static class FailingEndpoints
{
    /// <param name="RetryingDeliveries">Deliveries waiting on a retry after a failed attempt.</param>
    /// <param name="FailedDeliveries">Deliveries given up in the last 7 days.</param>
    /// <param name="FailingSince">The oldest event still waiting on a retry.</param>
    [OpenApiSchemaName("FailingWebhookEndpoint")]
    public sealed record Failing(Guid Id, string ClientId, string ClientName, string Url, bool Enabled, string? DisabledReason, int RetryingDeliveries,
        int FailedDeliveries, DateTimeOffset? FailingSince, int? LastStatusCode, string? LastError);

    public static RouteGroupBuilder MapFailingEndpoints(this RouteGroupBuilder webhooks)
    {
        webhooks.MapGet("/failing", ListAsync).WithName("ListFailingWebhookEndpoints")
            .WithSummary("Punkty odbioru z błędami doręczeń (ORE) / Endpoints whose deliveries fail (ORE)")
            .RequireAuthorization(Policies.Operator).Produces<IReadOnlyList<Failing>>();
        return webhooks;
    }

    private static async Task<IResult> ListAsync(DataSession session) =>
        TypedResults.Ok((await session.QueryAsync<Failing>("""
            SELECT e.id, e.client_id, coalesce(c.display_name, e.client_id) AS client_name, e.url, e.enabled, e.disabled_reason,
                count(*) FILTER (WHERE d.status = 'pending' AND d.attempts > 0)::int AS retrying_deliveries,
                count(*) FILTER (WHERE d.status = 'failed' AND d.created_at > now() - interval '7 days')::int AS failed_deliveries,
                min(ev.occurred_at) FILTER (WHERE d.status = 'pending' AND d.attempts > 0) AS failing_since,
                (array_agg(d.last_status_code ORDER BY a.last_at DESC NULLS LAST))[1] AS last_status_code,
                (array_agg(d.last_error ORDER BY a.last_at DESC NULLS LAST))[1] AS last_error
            FROM webhook_endpoints e
            LEFT JOIN webhook_clients c ON c.client_id = e.client_id
            LEFT JOIN webhook_deliveries d ON d.endpoint_id = e.id AND d.status <> 'delivered'
            LEFT JOIN webhook_events ev ON ev.id = d.event_id
            LEFT JOIN LATERAL (SELECT max(attempted_at) AS last_at FROM webhook_attempts WHERE delivery_id = d.id) a ON true
            GROUP BY e.id, c.display_name
            HAVING e.disabled_reason = 'gone'
                OR count(*) FILTER (WHERE d.status = 'pending' AND d.attempts > 0) > 0
                OR count(*) FILTER (WHERE d.status = 'failed' AND d.created_at > now() - interval '7 days') > 0
            ORDER BY e.client_id, e.url
            """)).AsList());
}
