namespace Cro.Notifications.Features.Webhooks.Catalogue;

/// <summary>
/// Every event a partner may receive, listed once: the webhook sender maps integration events by it, endpoints subscribe
/// to its names, and the published catalogue (JSON Schema and an example per type) is generated from it.
/// The catalogue is versioned additively: a type or a field is added, never renamed or removed; a breaking change is a
/// new type. <see cref="Version"/> grows with each addition, and each type says since which version it exists.
/// </summary>
public static class WebhookCatalogue
{
    public const int Version = 1;

    public static readonly IReadOnlyList<WebhookEventType> All =
    [
        .. RecruitmentWebhooks.Types, .. TrainingWebhooks.Types, .. AdvisoryWebhooks.Types, .. MonitoringWebhooks.Types,
        .. PublishingWebhooks.Types,
    ];

    /// <summary>The names and the scope each needs, side by side, for SQL's <c>unnest(@names, @scopes)</c>.</summary>
    public static readonly (string[] Names, string[] Scopes) NameScopes = ([.. All.Select(t => t.Name)], [.. All.Select(t => t.Scope)]);

    private static readonly Dictionary<string, WebhookEventType> ByName = All.ToDictionary(t => t.Name, StringComparer.Ordinal);
    private static readonly Dictionary<Type, WebhookEventType> ByContract = All.ToDictionary(t => t.Contract);

    public static WebhookEventType? Find(string name) => ByName.GetValueOrDefault(name);

    public static WebhookEventType Of(Type contract) => ByContract[contract];
}
