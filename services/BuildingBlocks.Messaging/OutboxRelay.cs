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
    private DateTimeOffset? _outageSince;
    private DateTimeOffset _lastOutageWarning;
    private int _failuresInOutage;

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

        var failed = rows.Select((row, i) => (row, failure: outcomes[i])).Where(x => x.failure is not null).ToArray();
        foreach (var (row, failure) in failed)
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                UPDATE outbox_messages
                SET attempts = attempts + 1, last_error = @error, next_attempt_at = now() + @delay
                WHERE id = @id
                """, new { row.Id, error = failure!.Reason, delay = _options.RetryDelay(row.Attempts) }, transaction, cancellationToken: ct));
        }
        await transaction.CommitAsync(ct);

        MessagingMetrics.Published.Add(published.Length);
        MessagingMetrics.PublishFailures.Add(failed.Length);
        foreach (var (row, failure) in failed.Where(x => !x.failure!.Transient && x.row.Attempts == 0))
        {
            // No retry will help this one (its type is gone, its payload does not fit): someone has to look.
            Logger.LogError(failure!.Exception, "Outbox relay: event {Id} of type {Type} cannot be published: {Reason}",
                row.Id, row.MessageType, failure.Reason);
        }
        await ReportOutageAsync(published.Length, failed.Where(x => x.failure!.Transient).Select(x => x.failure!.Reason).FirstOrDefault(), ct);
        return rows.Count;
    }

    /// <summary>
    /// An unreachable or frozen broker is expected now and then, and the relay retries by itself: one Warning when it
    /// starts (and again every <see cref="OutboxRelayOptions.OutageWarningInterval"/> while it lasts) with the count waiting,
    /// no stack trace; one Information when the broker confirms again. A log per failed publish, with its stack trace,
    /// buried the log and flagged the service red on the dashboard for something nobody needed to act on.
    /// </summary>
    private async Task ReportOutageAsync(int published, string? transientFailure, CancellationToken ct)
    {
        var now = Time.GetUtcNow();
        if (transientFailure is not null)
        {
            _failuresInOutage++;
            if (_outageSince is null)
            {
                (_outageSince, _lastOutageWarning) = (now, now);
                Logger.LogWarning("Outbox: {Waiting} events waiting, the broker does not take them ({Reason}); retrying.",
                    await WaitingAsync(ct), transientFailure);
            }
            else if (now - _lastOutageWarning >= _options.OutageWarningInterval)
            {
                _lastOutageWarning = now;
                Logger.LogWarning("Outbox: {Waiting} events waiting, broker unreachable for {Seconds:F0} s ({Reason}); still retrying.",
                    await WaitingAsync(ct), (now - _outageSince.Value).TotalSeconds, transientFailure);
            }
        }
        else if (published > 0 && _outageSince is { } since)
        {
            Logger.LogInformation("Outbox: the broker confirms again after {Seconds:F0} s ({Failures} batches failed meanwhile).",
                (now - since).TotalSeconds, _failuresInOutage);
            (_outageSince, _failuresInOutage) = (null, 0);
        }
    }

    private async Task<long> WaitingAsync(CancellationToken ct)
    {
        await using var connection = await DataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM outbox_messages WHERE published_at IS NULL", cancellationToken: ct));
    }

    /// <summary>Why an event was not published; <paramref name="Transient"/> when retrying will do (broker away, no confirm).</summary>
    private sealed record Failure(string Reason, bool Transient, Exception? Exception = null);

    /// <returns>null when the broker confirmed the event, else why not.</returns>
    private async Task<Failure?> PublishAsync(Row row, CancellationToken ct)
    {
        if (Types.GetOrAdd(row.MessageType, Type.GetType) is not { } type)
        {
            return new Failure($"Unknown message type {row.MessageType}.", Transient: false);
        }
        object message;
        try
        {
            message = JsonSerializer.Deserialize(row.Payload, type, Outbox.Json)!;
        }
        catch (JsonException e)
        {
            return new Failure($"The payload does not fit {type.Name}: {e.Message}", Transient: false, e);
        }
        try
        {
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
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new Failure($"no confirmation within {_options.PublishTimeout.TotalSeconds:F0} s", Transient: true);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // Connection refused, closed, broker unreachable: MassTransit reconnects, the next attempt goes through.
            return new Failure(e.GetBaseException().Message, Transient: true);
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
