using Cro.BuildingBlocks.Messaging;

namespace Cro.Notifications.Features.Webhooks;

/// <summary>
/// Keeps what each partner client may receive as identity announces it, so a client narrowed in scopes or JST gets no
/// delivery it may no longer read, and a removed client none at all. An older announcement arriving late changes nothing.
/// </summary>
public sealed class ApiClientChangedConsumer(NpgsqlDataSource db) : InboxConsumer<ApiClientChanged>(db)
{
    protected override Task HandleAsync(ApiClientChanged message, DataSession session) =>
        session.ExecuteAsync("""
            INSERT INTO webhook_clients (client_id, display_name, scopes, jst_tercs, removed, changed_at)
            VALUES (@ClientId, @DisplayName, @scopes, @jst, @Removed, @ChangedAt)
            ON CONFLICT (client_id) DO UPDATE SET display_name = excluded.display_name, scopes = excluded.scopes,
                jst_tercs = excluded.jst_tercs, removed = excluded.removed, changed_at = excluded.changed_at
            WHERE webhook_clients.changed_at < excluded.changed_at;
            """, new { message.ClientId, message.DisplayName, scopes = message.Scopes.ToArray(), jst = message.JstTercs.ToArray(), message.Removed, message.ChangedAt });
}
