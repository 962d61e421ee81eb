using System.Security.Claims;
using Cro.Notifications.Features.Webhooks.Catalogue;
using Cro.Notifications.Features.Webhooks.Delivery;
using Cro.ServiceDefaults.Security;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace Cro.Notifications.Features.Webhooks.Api;

/// <summary>
/// The partner's webhook endpoints under /api/notifications/webhooks/endpoints (scope webhooks.manage; ORE staff for any
/// client): register one (URL, event types, description) and get its signing secret once; list, read, change, remove;
/// disable and enable; rotate the secret, the old one signing beside the new for an overlap.
/// </summary>
public static class WebhookEndpoints
{
    public const int MaxEndpointsPerClient = 20;
    public const int MaxOverlapHours = 7 * 24;

    /// <param name="Url">Where to POST: https to a public address.</param>
    /// <param name="EventTypes">Names from the catalogue (GET /api/notifications/webhooks/catalogue).</param>
    /// <param name="ClientId">For ORE staff only: the partner client the endpoint is for. A client registers for itself.</param>
    [OpenApiSchemaName("WebhookEndpointRequest")]
    public sealed record EndpointRequest(
        [property: FieldLabel("Adres", "URL")] string Url,
        [property: FieldLabel("Zdarzenia", "Event types")] IReadOnlyList<string> EventTypes,
        [property: FieldLabel("Opis", "Description")] string? Description,
        [property: FieldLabel("Klient API", "API client")] string? ClientId = null);

    /// <param name="ExpiresAt">When it stops signing; null for the current secret.</param>
    [OpenApiSchemaName("WebhookSecretInfo")]
    public sealed record SecretInfo(Guid Id, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt);

    /// <param name="DisabledReason">gone (the receiver answered 410 Gone), partner or operator.</param>
    [OpenApiSchemaName("WebhookEndpoint")]
    public sealed record EndpointResponse(Guid Id, string ClientId, string Url, string Description, IReadOnlyList<string> EventTypes, bool Enabled,
        string? DisabledReason, DateTimeOffset? DisabledAt, DateTimeOffset CreatedAt, IReadOnlyList<SecretInfo> Secrets);

    /// <param name="Secret">The signing secret (whsec_…), shown this once.</param>
    [OpenApiSchemaName("WebhookEndpointCreated")]
    public sealed record Created(EndpointResponse Endpoint, string Secret);

    /// <param name="OverlapHours">How long the secrets in force now keep signing beside the new one (0 – 168; 24 if not given).</param>
    [OpenApiSchemaName("WebhookSecretRotationRequest")]
    public sealed record RotateRequest([property: FieldLabel("Okres przejściowy (godziny)", "Overlap (hours)")] int? OverlapHours);

    /// <param name="Secret">The new signing secret (whsec_…), shown this once.</param>
    /// <param name="PreviousValidUntil">Until when the previous secrets still sign.</param>
    [OpenApiSchemaName("WebhookSecretRotated")]
    public sealed record Rotated(string Secret, DateTimeOffset PreviousValidUntil);

    public sealed class EndpointValidator : AbstractValidator<EndpointRequest>
    {
        public EndpointValidator(IOptions<WebhookOptions> options)
        {
            RuleFor(r => r.Url).NotEmpty().MaximumLength(2000).Must(url => Uri.TryCreate(url, UriKind.Absolute, out _))
                .WithMessage(_ => Text.Pick("Podaj pełny adres https:// (do 2000 znaków).", "Give a full https:// address (up to 2000 characters)."))
                .DependentRules(() => RuleFor(r => r.Url)
                    .Must(url => ReceiverAddresses.Refusal(new Uri(url), options.Value.AllowLoopback) is null)
                    .WithMessage(r => ReceiverAddresses.Refusal(new Uri(r.Url), options.Value.AllowLoopback)));
            RuleFor(r => r.EventTypes).Must(t => t is { Count: > 0 })
                .WithMessage(_ => Text.Pick("Wybierz co najmniej jedno zdarzenie.", "Choose at least one event type."));
            RuleForEach(r => r.EventTypes).Must(t => WebhookCatalogue.Find(t) is not null)
                .WithMessage((_, type) => Text.Pick($"Katalog nie zna zdarzenia „{type}”.", $"The catalogue has no event type '{type}'."));
            RuleFor(r => r.Description).MaximumLength(500)
                .WithMessage(_ => Text.Pick("Opis ma do 500 znaków.", "The description has up to 500 characters."));
            RuleFor(r => r.ClientId).MaximumLength(200);
        }
    }

    public sealed class RotateValidator : AbstractValidator<RotateRequest>
    {
        public RotateValidator() =>
            RuleFor(r => r.OverlapHours).InclusiveBetween(0, MaxOverlapHours)
                .WithMessage(_ => Text.Pick($"Okres przejściowy to od 0 do {MaxOverlapHours} godzin.", $"The overlap is 0 to {MaxOverlapHours} hours."));
    }

    public static RouteGroupBuilder MapWebhookEndpoints(this RouteGroupBuilder webhooks)
    {
        var endpoints = webhooks.MapGroup("/endpoints").RequireAuthorization(Policies.PartnerOrOperator(Scopes.WebhooksManage));
        endpoints.MapPost("", CreateAsync).WithName("CreateWebhookEndpoint")
            .WithSummary("Zarejestruj punkt odbioru webhooków / Register a webhook endpoint")
            .Validate<EndpointRequest>().Produces<Created>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithIdempotencyKey();
        endpoints.MapGet("", ListAsync).WithName("ListWebhookEndpoints")
            .WithSummary("Punkty odbioru klienta (ORE: wszystkich lub jednego klienta) / The client's endpoints (ORE: every client's, or one's)")
            .Produces<IReadOnlyList<EndpointResponse>>();
        endpoints.MapGet("/{id:guid}", GetAsync).WithName("GetWebhookEndpoint")
            .Produces<EndpointResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        endpoints.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateWebhookEndpoint")
            .WithSummary("Zmień adres, zdarzenia lub opis / Change the URL, event types or description")
            .Validate<EndpointRequest>().Produces<EndpointResponse>().ProducesProblem(StatusCodes.Status404NotFound).WithIdempotencyKey();
        endpoints.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteWebhookEndpoint")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).WithIdempotencyKey();
        endpoints.MapPost("/{id:guid}/disable", (Guid id, HttpContext context, DataSession session) => SetEnabledAsync(id, false, context.User, session))
            .WithName("DisableWebhookEndpoint").WithSummary("Wstrzymaj wysyłkę / Stop deliveries")
            .Produces<EndpointResponse>().ProducesProblem(StatusCodes.Status404NotFound).WithIdempotencyKey();
        endpoints.MapPost("/{id:guid}/enable", (Guid id, HttpContext context, DataSession session) => SetEnabledAsync(id, true, context.User, session))
            .WithName("EnableWebhookEndpoint")
            .WithSummary("Wznów wysyłkę (zaległe doręczenia od razu; zdarzenia z przerwy: ponów zakres) / Resume deliveries (pending ones at once; events of the pause: replay the range)")
            .Produces<EndpointResponse>().ProducesProblem(StatusCodes.Status404NotFound).WithIdempotencyKey();
        endpoints.MapPost("/{id:guid}/secret", RotateAsync).WithName("RotateWebhookSecret")
            .WithSummary("Nowy sekret; poprzedni podpisuje jeszcze przez okres przejściowy / A new secret; the previous one signs on for the overlap")
            .Validate<RotateRequest>().Produces<Rotated>().ProducesProblem(StatusCodes.Status404NotFound).WithIdempotencyKey();
        return webhooks;
    }

    private static async Task<IResult> CreateAsync(EndpointRequest request, HttpContext context, DataSession session, TimeProvider time)
    {
        var user = context.User;
        var client = WebhookOwner.ClientOf(user) ?? request.ClientId;
        if (client is null)
        {
            return Problems.Field("clientId", "Wskaż klienta API partnera, dla którego jest ten punkt odbioru.",
                "Name the partner's API client the endpoint is for.");
        }
        if (WebhookOwner.ClientOf(user) is { } own && request.ClientId is { } named && named != own)
        {
            return Problems.Forbidden("Klient API rejestruje punkty odbioru tylko dla siebie.", "An API client registers endpoints for itself only.");
        }
        if (await WebhookClients.AllowedScopesAsync(session, client, user) is not { } scopes)
        {
            return ProblemDetailsDefaults.NotFound($"Nie znamy klienta API {client}.", $"There is no API client {client}.");
        }
        if (WebhookClients.Unreadable(request.EventTypes, scopes) is { } refusal)
        {
            return refusal;
        }
        await session.ExecuteAsync("SELECT pg_advisory_xact_lock(hashtext('webhook-endpoints:' || @client))", new { client });
        if (await session.ExecuteScalarAsync<int>("SELECT count(*) FROM webhook_endpoints WHERE client_id = @client", new { client }) >= MaxEndpointsPerClient)
        {
            return Problems.Conflict("Za dużo punktów odbioru.", "Too many endpoints.",
                $"Klient ma już {MaxEndpointsPerClient} punktów odbioru; usuń nieużywany.", $"The client already has {MaxEndpointsPerClient} endpoints; remove one it does not use.");
        }
        var id = Guid.CreateVersion7();
        var secret = WebhookSignature.NewSecret();
        var now = time.GetUtcNow();
        await session.ExecuteAsync("""
            INSERT INTO webhook_endpoints (id, client_id, url, description, event_types, created_at, updated_at)
            VALUES (@id, @client, @url, @description, @types, @now, @now);
            INSERT INTO webhook_secrets (id, endpoint_id, secret, created_at) VALUES (@secretId, @id, @secret, @now);
            """, new
            {
                id, client, url = request.Url.Trim(), description = request.Description?.Trim() ?? "", types = request.EventTypes.Distinct().ToArray(),
                now, secretId = Guid.CreateVersion7(), secret,
            });
        var endpoint = await DescribeAsync(session, id);
        await session.CommitAsync();
        return TypedResults.Created($"/api/notifications/webhooks/endpoints/{id}", new Created(endpoint, secret));
    }

    private static async Task<IResult> ListAsync(string? clientId, HttpContext context, DataSession session)
    {
        var client = WebhookOwner.ClientOf(context.User) ?? clientId;
        var ids = await session.QueryAsync<Guid>(
            "SELECT id FROM webhook_endpoints WHERE @client IS NULL OR client_id = @client ORDER BY client_id, created_at, id", new { client });
        var list = new List<EndpointResponse>();
        foreach (var id in ids)
        {
            list.Add(await DescribeAsync(session, id));
        }
        return TypedResults.Ok(list);
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext context, DataSession session) =>
        await WebhookOwner.FindAsync(session, id, context.User) is null ? WebhookOwner.NotFound(id) : TypedResults.Ok(await DescribeAsync(session, id));

    private static async Task<IResult> UpdateAsync(Guid id, EndpointRequest request, HttpContext context, DataSession session, TimeProvider time)
    {
        if (await WebhookOwner.FindAsync(session, id, context.User, forUpdate: true) is not { } endpoint)
        {
            return WebhookOwner.NotFound(id);
        }
        if (await WebhookClients.AllowedScopesAsync(session, endpoint.ClientId, context.User) is not { } scopes)
        {
            return WebhookOwner.NotFound(id);
        }
        if (WebhookClients.Unreadable(request.EventTypes, scopes) is { } refusal)
        {
            return refusal;
        }
        await session.ExecuteAsync("""
            UPDATE webhook_endpoints SET url = @url, description = @description, event_types = @types, updated_at = @now WHERE id = @id
            """, new { id, url = request.Url.Trim(), description = request.Description?.Trim() ?? "", types = request.EventTypes.Distinct().ToArray(), now = time.GetUtcNow() });
        var described = await DescribeAsync(session, id);
        await session.CommitAsync();
        return TypedResults.Ok(described);
    }

    private static async Task<IResult> DeleteAsync(Guid id, HttpContext context, DataSession session)
    {
        if (await WebhookOwner.FindAsync(session, id, context.User, forUpdate: true) is null)
        {
            return WebhookOwner.NotFound(id);
        }
        await session.ExecuteAsync("DELETE FROM webhook_endpoints WHERE id = @id", new { id });
        await session.CommitAsync();
        return TypedResults.NoContent();
    }

    private static async Task<IResult> SetEnabledAsync(Guid id, bool enabled, ClaimsPrincipal user, DataSession session)
    {
        if (await WebhookOwner.FindAsync(session, id, user, forUpdate: true) is null)
        {
            return WebhookOwner.NotFound(id);
        }
        await session.ExecuteAsync("""
            UPDATE webhook_endpoints SET enabled = @enabled, updated_at = now(),
                disabled_reason = CASE WHEN @enabled THEN NULL ELSE @reason END, disabled_at = CASE WHEN @enabled THEN NULL ELSE now() END
            WHERE id = @id;
            -- Deliveries waiting on a retry go at once: the partner says the receiver is back.
            UPDATE webhook_deliveries SET next_attempt_at = now() WHERE endpoint_id = @id AND status = 'pending' AND @enabled;
            SELECT pg_notify('cro_webhooks', '');
            """, new { id, enabled, reason = user.IsOreStaff() ? "operator" : "partner" });
        var described = await DescribeAsync(session, id);
        await session.CommitAsync();
        return TypedResults.Ok(described);
    }

    private static async Task<IResult> RotateAsync(Guid id, RotateRequest request, HttpContext context, DataSession session, TimeProvider time)
    {
        if (await WebhookOwner.FindAsync(session, id, context.User, forUpdate: true) is null)
        {
            return WebhookOwner.NotFound(id);
        }
        var now = time.GetUtcNow();
        var until = now.AddHours(request.OverlapHours ?? 24);
        var secret = WebhookSignature.NewSecret();
        await session.ExecuteAsync("""
            UPDATE webhook_secrets SET expires_at = @until WHERE endpoint_id = @id AND (expires_at IS NULL OR expires_at > @until);
            INSERT INTO webhook_secrets (id, endpoint_id, secret, created_at) VALUES (@secretId, @id, @secret, @now);
            """, new { id, until, now, secretId = Guid.CreateVersion7(), secret });
        await session.CommitAsync();
        return TypedResults.Ok(new Rotated(secret, until));
    }

    internal static async Task<EndpointResponse> DescribeAsync(DataSession session, Guid id)
    {
        var e = await session.QuerySingleAsync<WebhookOwner.EndpointRow>("""
            SELECT id, client_id, url, description, event_types, enabled, disabled_reason, disabled_at, created_at FROM webhook_endpoints WHERE id = @id
            """, new { id });
        var secrets = await session.QueryAsync<(Guid Id, DateTime CreatedAt, DateTime? ExpiresAt)>("""
            SELECT id, created_at, expires_at FROM webhook_secrets WHERE endpoint_id = @id AND (expires_at IS NULL OR expires_at > now()) ORDER BY created_at
            """, new { id });
        return new EndpointResponse(e.Id, e.ClientId, e.Url, e.Description, e.EventTypes, e.Enabled, e.DisabledReason, e.DisabledAt, e.CreatedAt,
            [.. secrets.Select(s => new SecretInfo(s.Id, Utc(s.CreatedAt)!.Value, Utc(s.ExpiresAt)))]);
    }

    internal static DateTimeOffset? Utc(DateTime? value) => value is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null;
}
