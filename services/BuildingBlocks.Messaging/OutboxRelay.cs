using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cro.BuildingBlocks.Messaging;

/// <summary>
/// Publishes committed outbox rows to RabbitMQ, in the loop of <see cref="NotifiedBatchWorker"/>: woken by
/// LISTEN/NOTIFY, with a polling fallback. Rows are claimed with FOR UPDATE SKIP LOCKED, so any number of
/// replicas can relay side by side; a row is marked published only after the broker confirmed it, and a
/// failed one is retried with back-off. A crash between publish and mark means the event goes out again:
/// consumers are idempotent.
/// </summary>
public sealed class OutboxRelay(NpgsqlDataSource dataSource, IBus bus, IOptions<OutboxRelayOptions> options,
    ILogger<OutboxRelay> logger, TimeProvider time)
    : NotifiedBatchWorker(dataSource, Pace(options.Value), logger, time)
{
    private static readonly ConcurrentDictionary<string, Type?> Types = new();
    private readonly OutboxRelayOptions _options = options.Value;

    private sealed record Row(Guid Id, string MessageType, string Payload, string? CorrelationId, int Attempts, DateTime CreatedAt);

    private static Pacing Pace(OutboxRelayOptions options) =>
        new("Outbox relay", Outbox.NotifyChannel, options.BatchSize, options.PollInterval, options.FirstRetryDelay);

    protected override Task<int> ProcessBatchAsync(CancellationToken ct) => RelayBatchAsync(ct);

    /// <summary>Publishes one batch of due rows; returns how many rows it claimed.</summary>
    public async Task<int> RelayBatchAsync(CancellationToken ct)
    {
        await using var connection = await DataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition("""
            SELECT id, message_type, payload::text AS payload, correlation_id, attempts, created_at
            FROM outbox_messages
            WHERE published_at IS NULL AND next_attempt_at <= now()
            ORDER BY id
            LIMIT @batch
            FOR UPDATE SKIP LOCKED
            """, new { batch = _options.BatchSize }, transaction, cancellationToken: ct))).AsList();
        if (rows.Count == 0)
        {
            return 0;
        }

        var outcomes = await Task.WhenAll(rows.Select(row => PublishAsync(row, ct)));

        var published = rows.Where((_, i) => outcomes[i] is null).Select(r => r.Id).ToArray();
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE outbox_messages SET published_at = now(), last_error = NULL WHERE id = ANY(@published)",
            new { published }, transaction, cancellationToken: ct));

        var failed = rows.Select((row, i) => (row, error: outcomes[i])).Where(x => x.error is not null).ToArray();
        foreach (var (row, error) in failed)
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                UPDATE outbox_messages
                SET attempts = attempts + 1, last_error = @error, next_attempt_at = now() + @delay
                WHERE id = @id
                """, new { row.Id, error, delay = _options.RetryDelay(row.Attempts) }, transaction, cancellationToken: ct));
        }
        await transaction.CommitAsync(ct);

        MessagingMetrics.Published.Add(published.Length);
        if (failed.Length > 0)
        {
            MessagingMetrics.PublishFailures.Add(failed.Length);
            Logger.LogWarning("Outbox relay: {Failed} of {Total} events not confirmed by the broker; will retry ({Error}).",
                failed.Length, rows.Count, failed[0].error);
        }
        return rows.Count;
    }

    /// <returns>null when the broker confirmed the event, else the reason it did not.</returns>
    private async Task<string?> PublishAsync(Row row, CancellationToken ct)
    {
        if (Types.GetOrAdd(row.MessageType, Type.GetType) is not { } type)
        {
            return $"Unknown message type {row.MessageType}.";
        }
        try
        {
            var message = JsonSerializer.Deserialize(row.Payload, type, Outbox.Json)!;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(_options.PublishTimeout);
            await bus.Publish(message, type, context =>
            {
                context.MessageId = row.Id;
                if (row.CorrelationId is not null)
                {
                    context.Headers.Set("cro-correlation-id", row.CorrelationId);
                }
            }, timeout.Token);
            MessagingMetrics.Lag.Record((Time.GetUtcNow() - DateTime.SpecifyKind(row.CreatedAt, DateTimeKind.Utc)).TotalSeconds);
            return null;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            return e.GetBaseException().Message;
        }
    }

    /// <summary>Deletes published rows kept longer than <see cref="OutboxRelayOptions.Retention"/>.</summary>
    protected override async Task CleanUpAsync(CancellationToken ct)
    {
        await using var connection = await DataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM outbox_messages WHERE published_at < now() - @retention",
            new { retention = _options.Retention }, cancellationToken: ct));
    }
}
