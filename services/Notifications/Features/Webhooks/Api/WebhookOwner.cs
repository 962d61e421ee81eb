using System.Security.Claims;
using Cro.ServiceDefaults.Security;

namespace Cro.Notifications.Features.Webhooks.Api;

/// <summary>
/// Whose endpoints a caller manages: a partner client its own (its token's subject), ORE staff every client's, for the
/// administration pages. Another client's endpoint answers 404, as if it did not exist.
/// </summary>
public static class WebhookOwner
{
    /// <summary>The client the caller acts as, or null for ORE staff (who act for any).</summary>
    public static string? ClientOf(ClaimsPrincipal user) => user.IsOreStaff() ? null : user.FindFirstValue(CroClaims.Subject);

    /// <summary>The endpoint's row, when the caller may manage it.</summary>
    public static Task<EndpointRow?> FindAsync(DataSession session, Guid id, ClaimsPrincipal user, bool forUpdate = false) =>
        session.QuerySingleOrDefaultAsync<EndpointRow>($"""
            SELECT id, client_id, url, description, event_types, enabled, disabled_reason, disabled_at, created_at
            FROM webhook_endpoints WHERE id = @id AND (@client IS NULL OR client_id = @client)
            {(forUpdate ? "FOR UPDATE" : "")}
            """, new { id, client = ClientOf(user) });

    public static IResult NotFound(Guid id) =>
        ProblemDetailsDefaults.NotFound($"Nie ma punktu odbioru webhooków {id}.", $"There is no webhook endpoint {id}.");

    /// <summary>An endpoint as stored (a class, not a record: Dapper binds text[] columns to properties, not to constructor parameters).</summary>
    public sealed class EndpointRow
    {
        public Guid Id { get; init; }
        public string ClientId { get; init; } = "";
        public string Url { get; init; } = "";
        public string Description { get; init; } = "";
        public string[] EventTypes { get; init; } = [];
        public bool Enabled { get; init; }
        public string? DisabledReason { get; init; }
        public DateTimeOffset? DisabledAt { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
    }
}
