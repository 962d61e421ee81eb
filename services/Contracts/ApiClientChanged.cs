namespace Cro.Contracts;

/// <summary>
/// An administrator created, changed or removed a partner API client (identity). Services that act for a client outside a
/// request — notifications delivering the partner's webhooks — keep its scopes and JST limit from this event, so a narrowed
/// client receives nothing it may no longer read.
/// </summary>
public sealed record ApiClientChanged : IIntegrationEvent
{
    public required string ClientId { get; init; }
    public required string DisplayName { get; init; }
    /// <summary>The scopes the client may be granted now.</summary>
    public required IReadOnlyList<string> Scopes { get; init; }
    /// <summary>The JST (TERC) the client is limited to; empty when it is not limited.</summary>
    public required IReadOnlyList<string> JstTercs { get; init; }
    /// <summary>The client was removed: it gets no token and nothing is delivered to it any more.</summary>
    public required bool Removed { get; init; }
    public required DateTimeOffset ChangedAt { get; init; }
}
