using System.Text.Json.Nodes;

namespace Cro.Notifications.Features.Webhooks.Catalogue;

/// <summary>The Standard Webhooks headers every delivery carries (see <c>Delivery/WebhookSender</c>), as the catalogue's header parameters.</summary>
internal static class WebhookHeaders
{
    private static readonly (string Component, string Header, string Description, JsonObject Schema, string Example)[] All =
    [
        ("WebhookId", "webhook-id",
            "Identyfikator zdarzenia: ten sam przy każdej próbie i ponownym wysłaniu. Klucz idempotencji: zdarzenie już przetworzone potwierdź 2xx i pomiń. / "
            + "The event's id: the same on every attempt and replay. The idempotency key: acknowledge an event already processed with 2xx and skip it.",
            new JsonObject { ["type"] = "string", ["format"] = "uuid" }, "0193a0c8-7d20-7a3b-8c4d-5e6f7a8b9c0d"),
        ("WebhookTimestamp", "webhook-timestamp",
            "Czas próby w sekundach od 1970-01-01 UTC, podpisany na nowo przy każdej próbie. Odrzuć wiadomość, gdy różni się od Twojego zegara o ponad 5 minut. / "
            + "The attempt's time in seconds since 1970-01-01 UTC, signed anew for each attempt. Reject the message when it is more than 5 minutes off your clock.",
            new JsonObject { ["type"] = "string", ["pattern"] = "^[0-9]+$" }, "1741079700"),
        ("WebhookSignature", "webhook-signature",
            "Podpisy oddzielone spacjami, każdy `v1,` i base64 HMAC-SHA256 z `{webhook-id}.{webhook-timestamp}.{treść}`; jeden na każdy obowiązujący sekret (kilka w okresie przejściowym rotacji). Przyjmij, gdy którykolwiek się zgadza. / "
            + "Space-separated signatures, each `v1,` and the base64 of HMAC-SHA256 over `{webhook-id}.{webhook-timestamp}.{body}`; one per secret in force (several during a rotation's overlap). Accept when any of them matches.",
            new JsonObject { ["type"] = "string", ["pattern"] = "^v1,[A-Za-z0-9+/=]+( v1,[A-Za-z0-9+/=]+)*$" },
            "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4="),
    ];

    public static JsonObject Parameters() => new(All.Select(h => KeyValuePair.Create<string, JsonNode?>(h.Component, new JsonObject
    {
        ["name"] = h.Header,
        ["in"] = "header",
        ["required"] = true,
        ["description"] = h.Description,
        ["schema"] = h.Schema.DeepClone(),
        ["example"] = h.Example,
    })));

    public static JsonArray References() => new([.. All.Select(h => new JsonObject { ["$ref"] = $"#/components/parameters/{h.Component}" })]);
}
