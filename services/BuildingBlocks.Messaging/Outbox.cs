using System.Text.Json;
using Cro.Contracts;

namespace Cro.BuildingBlocks.Messaging;

/// <summary>
/// Writes integration events into the outbox inside the caller's transaction: they exist exactly
/// when the state change they announce is committed. The NOTIFY wakes the relay at commit.
/// </summary>
public static class Outbox
{
    public const string NotifyChannel = "cro_outbox";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Task EnqueueAsync(this NpgsqlTransaction transaction, IIntegrationEvent message, CancellationToken ct = default) =>
        transaction.EnqueueAsync([message], ct);

    /// <summary>Puts <paramref name="message"/> in the outbox on the session's transaction.</summary>
    public static Task EnqueueAsync(this DataSession session, IIntegrationEvent message) =>
        session.Transaction.EnqueueAsync([message], session.Cancellation);

    public static Task EnqueueAsync(this DataSession session, IReadOnlyCollection<IIntegrationEvent> messages) =>
        session.Transaction.EnqueueAsync(messages, session.Cancellation);

    public static async Task EnqueueAsync(this NpgsqlTransaction transaction, IReadOnlyCollection<IIntegrationEvent> messages,
        CancellationToken ct = default)
    {
        if (messages.Count == 0)
        {
            return;
        }
        const string sql = """
            INSERT INTO outbox_messages (id, message_type, payload, correlation_id)
            SELECT id, message_type, payload::jsonb, @correlationId
            FROM unnest(@ids, @types, @payloads) AS m(id, message_type, payload);
            SELECT pg_notify('cro_outbox', '');
            """;
        var ids = messages.Select(_ => Guid.CreateVersion7()).ToArray();
        var types = messages.Select(m => TypeName(m.GetType())).ToArray();
        var payloads = messages.Select(m => JsonSerializer.Serialize(m, m.GetType(), Json)).ToArray();
        var correlationId = System.Diagnostics.Activity.Current?.TraceId.ToString();
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(sql,
            new { ids, types, payloads, correlationId }, transaction, cancellationToken: ct));
    }

    /// <summary>
    /// Erasure (RODO art. 17) of an address that events of type <typeparamref name="TEvent"/> carry in their
    /// <paramref name="property"/> (camelCase, as stored): those not yet handed to the broker are dropped (a mail that would
    /// go to an erased person is not sent), and those handed over, kept in the outbox for a while, lose the address. A
    /// row the relay is handing over meanwhile is waited for (its lock), and then is one handed over.
    /// </summary>
    public static Task EraseAddressAsync<TEvent>(this DataSession session, string property, string email) where TEvent : IIntegrationEvent =>
        session.ExecuteAsync("""
            DELETE FROM outbox_messages
            WHERE published_at IS NULL AND message_type = @type AND lower(payload ->> @property) = lower(@email);
            UPDATE outbox_messages SET payload = jsonb_set(payload, ARRAY[@property], to_jsonb('usunieta-' || id || '@usunieto.invalid'))
            WHERE published_at IS NOT NULL AND message_type = @type AND lower(payload ->> @property) = lower(@email);
            """, new { type = TypeName(typeof(TEvent)), property, email = email.Trim() });

    /// <summary>Assembly-qualified without version, so the relay can resolve it after an upgrade.</summary>
    internal static string TypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";
}
