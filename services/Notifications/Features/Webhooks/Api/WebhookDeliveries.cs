using Dapper;
using Cro.Notifications.Features.Webhooks.Catalogue;
using Cro.ServiceDefaults.Security;
using FluentValidation;

namespace Cro.Notifications.Features.Webhooks.Api;

/// <summary>
/// An endpoint's delivery log and replays, under /api/notifications/webhooks/endpoints/{id}: the deliveries newest first
/// (filtered by status and time, paged by a cursor) with their attempts — status codes, errors, the next try; a replay of
/// one delivery, or of every event of a time range (also those the endpoint missed while disabled or not yet subscribed),
/// sent again at once with the same webhook-id.
/// </summary>
public static class WebhookDeliveries
{
    public const int MaxPage = 200;

    /// <param name="WebhookId">The webhook-id header: the same on every attempt and replay.</param>
    /// <param name="Status">pending (to be tried, see NextAttemptAt), delivered or failed (given up, or the endpoint answered 410).</param>
    [OpenApiSchemaName("WebhookDelivery")]
    public sealed record Delivery(Guid Id, Guid WebhookId, string EventType, string? JstTerc, long Sequence, DateTimeOffset OccurredAt, string Status,
        int Attempts, int? LastStatusCode, string? LastError, DateTimeOffset? NextAttemptAt, DateTimeOffset? DeliveredAt);

    /// <param name="StatusCode">The receiver's answer; null when there was none (timeout, refused connection or address).</param>
    [OpenApiSchemaName("WebhookAttempt")]
    public sealed record Attempt(DateTimeOffset AttemptedAt, int? StatusCode, string? Error, int DurationMs);

    /// <param name="Body">The payload exactly as sent.</param>
    [OpenApiSchemaName("WebhookDeliveryDetail")]
    public sealed record Detail(Delivery Delivery, string Body, IReadOnlyList<Attempt> Attempts);

    /// <param name="Next">The cursor of the next (older) page: pass it as <c>before</c>; null on the last page.</param>
    [OpenApiSchemaName("WebhookDeliveryPage")]
    public sealed record Page(IReadOnlyList<Delivery> Items, Guid? Next);

    /// <param name="From">Events that occurred at or after this moment …</param>
    /// <param name="To">… and before this one.</param>
    [OpenApiSchemaName("WebhookReplayRequest")]
    public sealed record ReplayRequest([property: FieldLabel("Od", "From")] DateTimeOffset From, [property: FieldLabel("Do", "To")] DateTimeOffset To);

    [OpenApiSchemaName("WebhookReplayResult")]
    public sealed record Replayed(int Deliveries);

    public sealed class ReplayValidator : AbstractValidator<ReplayRequest>
    {
        public ReplayValidator() =>
            RuleFor(r => r.To).GreaterThan(r => r.From)
                .WithMessage(_ => Text.Pick("Koniec zakresu musi być po jego początku.", "The range must end after it starts."));
    }

    public static RouteGroupBuilder MapWebhookDeliveries(this RouteGroupBuilder webhooks)
    {
        var endpoint = webhooks.MapGroup("/endpoints/{id:guid}").RequireAuthorization(Policies.PartnerOrOperator(Scopes.WebhooksManage));
        endpoint.MapGet("/deliveries", ListAsync).WithName("ListWebhookDeliveries")
            .WithSummary("Dziennik doręczeń / The delivery log")
            .Produces<Page>().ProducesProblem(StatusCodes.Status404NotFound);
        endpoint.MapGet("/deliveries/{deliveryId:guid}", GetAsync).WithName("GetWebhookDelivery")
            .WithSummary("Doręczenie z próbami i treścią / A delivery with its attempts and payload")
            .Produces<Detail>().ProducesProblem(StatusCodes.Status404NotFound);
        endpoint.MapPost("/deliveries/{deliveryId:guid}/replay", ReplayOneAsync).WithName("ReplayWebhookDelivery")
            .WithSummary("Wyślij ponownie jedno doręczenie / Send one delivery again")
            .Produces<Delivery>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status404NotFound).WithIdempotencyKey();
        endpoint.MapPost("/replay", ReplayRangeAsync).WithName("ReplayWebhookRange")
            .WithSummary("Wyślij ponownie zdarzenia z zakresu czasu / Send the events of a time range again")
            .Validate<ReplayRequest>().Produces<Replayed>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status404NotFound)
            .WithIdempotencyKey();
        return webhooks;
    }

    private const string SelectDelivery = """
        SELECT d.id, ev.id AS webhook_id, ev.type AS event_type, ev.jst_terc, ev.sequence, ev.occurred_at, d.status, d.attempts,
            d.last_status_code, d.last_error, CASE WHEN d.status = 'pending' THEN d.next_attempt_at END AS next_attempt_at, d.delivered_at
        FROM webhook_deliveries d JOIN webhook_events ev ON ev.id = d.event_id
        """;

    private static async Task<IResult> ListAsync(Guid id, string? status, DateTimeOffset? from, DateTimeOffset? to, Guid? before, int? limit,
        HttpContext context, DataSession session)
    {
        if (await WebhookOwner.FindAsync(session, id, context.User) is null)
        {
            return WebhookOwner.NotFound(id);
        }
        if (status is not (null or "pending" or "delivered" or "failed"))
        {
            return Problems.Field("status", "Stan to pending, delivered albo failed.", "The status is pending, delivered or failed.");
        }
        var size = Math.Clamp(limit ?? 50, 1, MaxPage);
        var rows = (await session.QueryAsync<Delivery>(SelectDelivery + """

            WHERE d.endpoint_id = @id AND (@status IS NULL OR d.status = @status)
              AND (@from IS NULL OR ev.occurred_at >= @from) AND (@to IS NULL OR ev.occurred_at < @to)
              AND (@before IS NULL OR (d.created_at, d.id) < (SELECT created_at, id FROM webhook_deliveries WHERE id = @before))
            ORDER BY d.created_at DESC, d.id DESC
            LIMIT @take
            """, new { id, status, from, to, before, take = size + 1 })).AsList();
        var next = rows.Count > size ? rows[size - 1].Id : (Guid?)null;
        return TypedResults.Ok(new Page(rows.Take(size).ToList(), next));
    }

    private static async Task<IResult> GetAsync(Guid id, Guid deliveryId, HttpContext context, DataSession session)
    {
        if (await WebhookOwner.FindAsync(session, id, context.User) is null
            || await session.QuerySingleOrDefaultAsync<Delivery>(SelectDelivery + " WHERE d.id = @deliveryId AND d.endpoint_id = @id",
                new { id, deliveryId }) is not { } delivery)
        {
            return DeliveryNotFound(deliveryId);
        }
        var body = await session.QuerySingleAsync<string>("SELECT body FROM webhook_events WHERE id = @eventId", new { eventId = delivery.WebhookId });
        var attempts = await session.QueryAsync<Attempt>(
            "SELECT attempted_at, status_code, error, duration_ms FROM webhook_attempts WHERE delivery_id = @deliveryId ORDER BY attempted_at, id",
            new { deliveryId });
        return TypedResults.Ok(new Detail(delivery, body, attempts.AsList()));
    }

    private static async Task<IResult> ReplayOneAsync(Guid id, Guid deliveryId, HttpContext context, DataSession session)
    {
        if (await WebhookOwner.FindAsync(session, id, context.User) is null
            || await session.ExecuteAsync("""
                UPDATE webhook_deliveries SET status = 'pending', attempts = 0, next_attempt_at = now(), delivered_at = NULL
                WHERE id = @deliveryId AND endpoint_id = @id;
                SELECT pg_notify('cro_webhooks', '');
                """, new { id, deliveryId }) == 0)
        {
            return DeliveryNotFound(deliveryId);
        }
        var delivery = await session.QuerySingleAsync<Delivery>(SelectDelivery + " WHERE d.id = @deliveryId", new { deliveryId });
        await session.CommitAsync();
        return TypedResults.Accepted($"/api/notifications/webhooks/endpoints/{id}/deliveries/{deliveryId}", delivery);
    }

    /// <summary>
    /// Every event of the range the endpoint subscribes to and its client may read is sent again: its delivery made due at
    /// once, or made now when the endpoint had none (it was disabled, or not subscribed to the type then).
    /// </summary>
    private static async Task<IResult> ReplayRangeAsync(Guid id, ReplayRequest request, HttpContext context, DataSession session)
    {
        if (await WebhookOwner.FindAsync(session, id, context.User) is null)
        {
            return WebhookOwner.NotFound(id);
        }
        var (names, scopes) = WebhookCatalogue.NameScopes;
        var count = await session.ExecuteAsync("""
            INSERT INTO webhook_deliveries (id, endpoint_id, event_id)
            SELECT gen_random_uuid(), e.id, ev.id
            FROM webhook_endpoints e
            JOIN webhook_clients c ON c.client_id = e.client_id AND NOT c.removed
            JOIN webhook_events ev ON ev.type = ANY (e.event_types) AND ev.occurred_at >= @from AND ev.occurred_at < @to
            JOIN unnest(@names, @scopes) AS t(type, scope) ON t.type = ev.type AND t.scope = ANY (c.scopes)
            WHERE e.id = @id AND (cardinality(c.jst_tercs) = 0 OR ev.jst_terc IS NULL OR ev.jst_terc = ANY (c.jst_tercs))
            ON CONFLICT (endpoint_id, event_id) DO UPDATE SET status = 'pending', attempts = 0, next_attempt_at = now(), delivered_at = NULL
            """, new { id, from = request.From, to = request.To, names, scopes });
        await session.ExecuteAsync("SELECT pg_notify('cro_webhooks', '')");
        await session.CommitAsync();
        return TypedResults.Accepted($"/api/notifications/webhooks/endpoints/{id}/deliveries", new Replayed(count));
    }

    private static IResult DeliveryNotFound(Guid deliveryId) =>
        ProblemDetailsDefaults.NotFound($"Nie ma doręczenia {deliveryId} tego punktu odbioru.", $"This endpoint has no delivery {deliveryId}.");
}
