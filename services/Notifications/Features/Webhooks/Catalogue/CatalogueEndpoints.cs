using System.Text.Json.Nodes;

namespace Cro.Notifications.Features.Webhooks.Catalogue;

/// <summary>
/// The catalogue, public like the API reference it is part of: GET /api/notifications/webhooks/catalogue (the OpenAPI 3.1
/// document of <see cref="CatalogueDocument"/>, listed by the gateway in /api/docs) and …/catalogue/event-types (the
/// names, modules and scopes, for a UI's choice of event types).
/// </summary>
public static class CatalogueEndpoints
{
    /// <param name="Name">What an endpoint subscribes to and a payload's <c>type</c> says.</param>
    /// <param name="Scope">The scope an API client needs to receive it.</param>
    /// <param name="Since">The catalogue's version that added it.</param>
    [OpenApiSchemaName("WebhookEventTypeEntry")]
    public sealed record EventTypeEntry(string Name, string Module, string Scope, string Description, int Since);

    private static readonly IReadOnlyList<EventTypeEntry> Entries =
        [.. WebhookCatalogue.All.Select(t => new EventTypeEntry(t.Name, t.Module, t.Scope, t.Description, t.Since))];

    public static RouteGroupBuilder MapWebhookCatalogue(this RouteGroupBuilder webhooks)
    {
        webhooks.MapGet("/catalogue", () => Results.Text(CatalogueDocument.Json, "application/json"))
            .WithName("GetWebhookCatalogue")
            .WithSummary("Katalog webhooków (OpenAPI 3.1, webhooks) / The webhook catalogue (OpenAPI 3.1, webhooks)")
            .WithDescription("Każdy typ zdarzenia ze schematem JSON danych i przykładem, nagłówki Standard Webhooks i weryfikacja podpisu. / "
                + "Every event type with its data's JSON Schema and an example, the Standard Webhooks headers and how to verify a signature.")
            .Produces<JsonObject>(contentType: "application/json").AllowAnonymous();
        webhooks.MapGet("/catalogue/event-types", () => TypedResults.Ok(Entries))
            .WithName("ListWebhookEventTypes")
            .WithSummary("Typy zdarzeń katalogu / The catalogue's event types")
            .AllowAnonymous();
        return webhooks;
    }
}
