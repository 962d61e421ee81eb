using System.Security.Claims;
using Cro.Notifications.Features.Webhooks.Catalogue;
using Cro.ServiceDefaults.Security;

namespace Cro.Notifications.Features.Webhooks.Api;

/// <summary>What a partner client may subscribe to: the scopes identity announced for it (ApiClientChanged).</summary>
public static class WebhookClients
{
    /// <summary>
    /// The scopes <paramref name="client"/> may be granted, or null when it is unknown or removed. A client that registers
    /// before identity's announcement has arrived is known from its own token (its scopes and JST limit), until the
    /// announcement replaces that.
    /// </summary>
    public static async Task<IReadOnlyList<string>?> AllowedScopesAsync(DataSession session, string client, ClaimsPrincipal user)
    {
        if (WebhookOwner.ClientOf(user) == client)
        {
            await session.ExecuteAsync("""
                INSERT INTO webhook_clients (client_id, display_name, scopes, jst_tercs, changed_at)
                VALUES (@client, @name, @scopes, @jst, '-infinity')
                ON CONFLICT (client_id) DO NOTHING
                """, new
                {
                    client, name = user.FindFirstValue(CroClaims.Name) ?? client, scopes = user.GrantedScopes().ToArray(),
                    jst = user.ClientJstLimit()?.ToArray() ?? [],
                });
        }
        return await session.QuerySingleOrDefaultAsync<string[]>(
            "SELECT scopes FROM webhook_clients WHERE client_id = @client AND NOT removed", new { client });
    }

    /// <summary>A 400 naming the event types the client lacks the scope for, or null when it may receive them all.</summary>
    public static IResult? Unreadable(IEnumerable<string> eventTypes, IReadOnlyList<string> scopes)
    {
        var missing = eventTypes.Select(WebhookCatalogue.Find).OfType<WebhookEventType>().Where(t => !scopes.Contains(t.Scope))
            .Select(t => $"{t.Name} ({t.Scope})").ToList();
        return missing.Count == 0 ? null : Problems.Field("eventTypes",
            $"Klient API nie ma zakresu potrzebnego do zdarzeń: {string.Join(", ", missing)}.",
            $"The API client lacks the scope these event types need: {string.Join(", ", missing)}.");
    }
}
