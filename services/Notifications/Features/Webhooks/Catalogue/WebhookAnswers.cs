using System.Text.Json.Nodes;

namespace Cro.Notifications.Features.Webhooks.Catalogue;

/// <summary>What the sender makes of each answer of a partner's endpoint (see <c>Delivery/WebhookSender</c>), as the catalogue's responses.</summary>
internal static class WebhookAnswers
{
    private static readonly (string Status, string Component, string Description, bool RetryAfter)[] All =
    [
        ("2XX", "WebhookDelivered",
            "Doręczone: zdarzenie nie będzie wysyłane ponownie (chyba że poprosisz o powtórkę). Odpowiedz szybko (do 15 s), przetwarzaj później; treść odpowiedzi jest pomijana. / "
            + "Delivered: the event is not sent again (unless you ask for a replay). Answer fast (within 15 s), process later; the answer's body is ignored.", false),
        ("410", "WebhookEndpointGone",
            "Punkt odbioru wyłącza się: kolejne zdarzenia nie są do niego wysyłane, dopóki go nie włączysz (POST /api/notifications/webhooks/endpoints/{id}/enable); pominięte wyślesz ponownie zakresem czasu. / "
            + "Disables the endpoint: no more events are sent to it until you enable it (POST /api/notifications/webhooks/endpoints/{id}/enable); replay a time range for those it missed.", false),
        ("429", "WebhookTooManyRequests",
            "Za dużo żądań: następna próba nie wcześniej niż po czasie z nagłówka Retry-After (najwyżej doba); bez niego według harmonogramu ponowień. / "
            + "Too many requests: the next attempt comes no earlier than Retry-After says (at most a day); without it, on the retry schedule.", true),
        ("503", "WebhookUnavailable",
            "Usługa niedostępna: jak 429, z poszanowaniem Retry-After. / Unavailable: as 429, honouring Retry-After.", true),
        ("default", "WebhookNotDelivered",
            "Każda inna odpowiedź, przekierowanie (nie jest wykonywane), brak odpowiedzi w 15 s lub błąd połączenia: próba ponowiona według harmonogramu (ok. 3 dni), potem doręczenie oznaczone jako nieudane. / "
            + "Any other answer, a redirect (never followed), no answer within 15 s or a connection error: tried again on the schedule (about 3 days), then marked failed.", false),
    ];

    public static JsonObject Responses() => new(All.Select(a => KeyValuePair.Create<string, JsonNode?>(a.Component, Response(a.Description, a.RetryAfter))));

    public static JsonObject References() =>
        new(All.Select(a => KeyValuePair.Create<string, JsonNode?>(a.Status, new JsonObject { ["$ref"] = $"#/components/responses/{a.Component}" })));

    private static JsonObject Response(string description, bool retryAfter)
    {
        var response = new JsonObject { ["description"] = description };
        if (retryAfter)
        {
            response["headers"] = new JsonObject
            {
                ["Retry-After"] = new JsonObject
                {
                    ["description"] = "Sekundy lub data HTTP, po których można spróbować ponownie. / Seconds, or an HTTP date, after which to try again.",
                    ["schema"] = new JsonObject { ["type"] = "string" },
                },
            };
        }
        return response;
    }
}
