using Cro.Web.Account.Api;

namespace Cro.Web.Administration.Webhooks;

/// <summary>
/// The words and addresses the webhook pages share: the administration's paths of a client's endpoints, an endpoint's
/// delivery log and a delivery; notifications' codes (delivery status, why an endpoint is disabled) in Polish first;
/// an attempt's outcome as one phrase.
/// </summary>
public static class WebhookLabels
{
    /// <summary>The page of a partner client's endpoints.</summary>
    public static string EndpointsPath(string clientId) => $"/administracja/klienci-api/{Uri.EscapeDataString(clientId)}/webhooki";

    /// <summary>An endpoint's delivery log.</summary>
    public static string LogPath(string clientId, Guid endpointId) => $"{EndpointsPath(clientId)}/{endpointId}";

    public static string DeliveryPath(string clientId, Guid endpointId, Guid deliveryId) => $"{LogPath(clientId, endpointId)}/doreczenia/{deliveryId}";

    /// <summary>The statuses notifications' delivery log filters by, in the order the filter offers them.</summary>
    public static readonly IReadOnlyList<string> Statuses = ["pending", "delivered", "failed"];

    public static string Status(string status) => status switch
    {
        "pending" => Text.Pick("czeka na wysłanie", "waiting to be sent"),
        "delivered" => Text.Pick("doręczone", "delivered"),
        "failed" => Text.Pick("nieudane (zaniechane)", "failed (given up)"),
        _ => status,
    };

    public static string DisabledReason(string? reason) => reason switch
    {
        "gone" => Text.Pick("odbiorca odpowiedział 410 Gone", "the receiver answered 410 Gone"),
        "partner" => Text.Pick("wstrzymał partner", "stopped by the partner"),
        "operator" => Text.Pick("wstrzymało ORE", "stopped by ORE"),
        null => Text.Pick("bez podanej przyczyny", "no reason given"),
        _ => reason,
    };

    /// <summary>"Włączony", or "Wstrzymany (odbiorca odpowiedział 410 Gone), 3 marca 2026, 14:05".</summary>
    public static string State(bool enabled, string? disabledReason, DateTimeOffset? disabledAt) => enabled
        ? Text.Pick("włączony", "enabled")
        : Text.Pick("wstrzymany", "stopped") + $" ({DisabledReason(disabledReason)})" + (disabledAt is { } at ? $", {WarsawTime.Format(at)}" : "");

    public static string State(WebhookEndpoint endpoint) => State(endpoint.Enabled, endpoint.DisabledReason, endpoint.DisabledAt);

    /// <summary>A secret in force: the current one signs until rotated; a previous one until its moment.</summary>
    public static string SecretValidity(WebhookSecretInfo secret) => secret.ExpiresAt is { } until
        ? Text.Pick($"utworzony {WarsawTime.Format(secret.CreatedAt)}, podpisuje do {WarsawTime.Format(until)}",
            $"created {WarsawTime.Format(secret.CreatedAt)}, signs until {WarsawTime.Format(until)}")
        : Text.Pick($"utworzony {WarsawTime.Format(secret.CreatedAt)}, obecny (bez terminu)",
            $"created {WarsawTime.Format(secret.CreatedAt)}, current (no end)");

    /// <summary>What the receiver answered last: "HTTP 503", "HTTP 503: timeout", the error alone, or a dash.</summary>
    public static string Outcome(int? statusCode, string? error) => (statusCode, string.IsNullOrWhiteSpace(error) ? null : error) switch
    {
        ({ } code, { } text) => $"HTTP {code}: {text}",
        ({ } code, null) => $"HTTP {code}",
        (null, { } text) => text,
        _ => "—",
    };

    /// <summary>The catalogue's modules (notifications' WebhookModule codes) as the programme names them.</summary>
    public static string Module(string module) => module switch
    {
        "recruitment" => Text.Pick("Nabór", "Recruitment"),
        "training" => Text.Pick("Szkolenia", "Training"),
        "advisory" => Text.Pick("Doradztwo", "Advisory"),
        "diagnosis" => Text.Pick("Diagnoza stanu cyfryzacji", "Diagnosis"),
        "plan" => Text.Pick("Plan strategiczny", "Strategic plan"),
        "reports" => Text.Pick("Sprawozdania z wdrożenia", "Implementation reports"),
        "practices" => Text.Pick("Dobre praktyki", "Good practices"),
        "conferences" => Text.Pick("Konferencje", "Conferences"),
        _ => module,
    };

    /// <summary>A catalogue description ("Polish. / English.") in the reader's language; as it stands when it is not in two parts.</summary>
    public static string Description(string description) =>
        description.Split(" / ", 2) is [var polish, var english] ? Text.Pick(polish.Trim(), english.Trim()) : description;

    /// <summary>
    /// The event type names typed in the form, one list: separated by commas, semicolons, spaces or lines, each once, in the
    /// order typed (notifications checks them against its catalogue and names any it does not know).
    /// </summary>
    public static List<string> EventTypeNames(string? typed) =>
        [.. (typed ?? "").Split([',', ';', ' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];
}
