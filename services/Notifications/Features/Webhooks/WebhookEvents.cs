using System.Text.Json;
using Cro.Notifications.Features.Webhooks.Catalogue;

namespace Cro.Notifications.Features.Webhooks;

/// <summary>Turns an integration event into a webhook event and its deliveries, inside the caller's transaction.</summary>
public static class WebhookEvents
{
    public const string NotifyChannel = "cro_webhooks";

    /// <summary>The payload's JSON: camelCase, as every API of the platform answers.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The body every attempt sends: Standard Webhooks' {type, timestamp, data}, and the JST's sequence number.</summary>
    public sealed record Payload(string Type, DateTimeOffset Timestamp, long Sequence, object Data);

    /// <summary>
    /// Records <paramref name="message"/> once (by its message id), numbers it in its JST's sequence, and queues a delivery
    /// to every enabled endpoint subscribed to its type whose client may read it: holds the type's scope and, when limited
    /// to a set of JST, includes the event's (an event of the whole programme goes to every such client).
    /// </summary>
    public static async Task RecordWebhookEventAsync(this DataSession session, Guid messageId, WebhookEventType type, object message)
    {
        var described = type.Describe(message);
        var sequence = await session.QuerySingleAsync<long>("""
            INSERT INTO webhook_sequences (sequence_key, last_value) VALUES (@key, 1)
            ON CONFLICT (sequence_key) DO UPDATE SET last_value = webhook_sequences.last_value + 1
            RETURNING last_value
            """, new { key = described.JstTerc ?? "" });
        var body = JsonSerializer.Serialize(new Payload(type.Name, described.OccurredAt, sequence, described.Data), Json);
        await session.ExecuteAsync("""
            WITH event AS (
                INSERT INTO webhook_events (id, message_id, type, jst_terc, sequence, body, occurred_at)
                VALUES (@id, @messageId, @type, @jst, @sequence, @body, @occurredAt)
                RETURNING id)
            INSERT INTO webhook_deliveries (id, endpoint_id, event_id)
            SELECT gen_random_uuid(), e.id, event.id
            FROM event, webhook_endpoints e
            JOIN webhook_clients c ON c.client_id = e.client_id
            WHERE e.enabled AND @type = ANY (e.event_types) AND NOT c.removed AND @scope = ANY (c.scopes)
              AND (cardinality(c.jst_tercs) = 0 OR @jst IS NULL OR @jst = ANY (c.jst_tercs));
            SELECT pg_notify('cro_webhooks', '');
            """,
            new
            {
                id = Guid.CreateVersion7(), messageId, type = type.Name, jst = described.JstTerc, sequence, body,
                occurredAt = described.OccurredAt, scope = type.Scope,
            });
    }
}
