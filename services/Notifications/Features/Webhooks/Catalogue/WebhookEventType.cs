namespace Cro.Notifications.Features.Webhooks.Catalogue;

/// <summary>
/// One event a partner may subscribe to: its name on the wire, the module it belongs to, the scope a client needs to
/// receive it, the integration event it is made from, and the thin data it carries (ids, the JST's TERC, counts; never a
/// person's data — the receiver fetches what its token allows).
/// </summary>
/// <param name="Since">The catalogue's version that added the type; the catalogue only grows (see <see cref="WebhookCatalogue.Version"/>).</param>
public sealed record WebhookEventType(string Name, string Module, string Scope, string Description, Type Contract, Type Data,
    object Example, int Since, Func<object, WebhookEvent> Describe);

/// <summary>What a webhook says of one integration event: whose JST it concerns (null for the whole programme), when it happened, its data.</summary>
public sealed record WebhookEvent(string? JstTerc, DateTimeOffset OccurredAt, object Data);

/// <summary>Builds <see cref="WebhookEventType"/>s with typed mappings, for the catalogue's module lists.</summary>
internal static class WebhookEventTypes
{
    public static WebhookEventType Of<TEvent, TData>(string name, string module, string scope, string description,
        Func<TEvent, string?> jst, Func<TEvent, DateTimeOffset> at, Func<TEvent, TData> data, TData example, int since = 1)
        where TEvent : IIntegrationEvent where TData : notnull =>
        new(name, module, scope, description, typeof(TEvent), typeof(TData), example, since,
            message => new WebhookEvent(jst((TEvent)message), at((TEvent)message), data((TEvent)message)));

}

/// <summary>The modules of the programme the catalogue groups its events by.</summary>
public static class WebhookModule
{
    public const string Recruitment = "recruitment";
    public const string Training = "training";
    public const string Advisory = "advisory";
    public const string Diagnosis = "diagnosis";
    public const string Plan = "plan";
    public const string Reports = "reports";
    public const string Practices = "practices";
    public const string Conferences = "conferences";
}
