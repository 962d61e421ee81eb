using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;

namespace Cro.BuildingBlocks.Messaging;

/// <summary>
/// Readiness: can this replica reach the broker now? MassTransit's own check looks at receive endpoints only: it reported
/// a lost broker as Degraded (its lazily started bus endpoint still counted as healthy), which /health then answered 200,
/// and it says nothing at all for a service that only publishes. Registered as Degraded (503, a warning): an outage of
/// the broker is expected now and then and heals by itself. This check keeps one small connection of its own and
/// opens and closes a channel on it: two round trips, so a frozen broker (connection open, nothing answering) fails
/// within <see cref="Timeout"/> too.
/// </summary>
internal sealed class BrokerHealthCheck(Uri broker, string serviceName) : IHealthCheck, IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    private readonly ConnectionFactory _factory = new()
    {
        Uri = broker,
        ClientProvidedName = $"{serviceName} health",
        RequestedConnectionTimeout = Timeout,
        ContinuationTimeout = Timeout,
        // Reconnected on the next probe instead: a probe must report the broker as it is, not wait for a recovery.
        AutomaticRecoveryEnabled = false,
        TopologyRecoveryEnabled = false,
    };
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IConnection? _connection;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout);
        try
        {
            await _gate.WaitAsync(timeout.Token);
            try
            {
                if (_connection is not { IsOpen: true })
                {
                    _ = DropConnectionAsync();
                    _connection = await _factory.CreateConnectionAsync(timeout.Token);
                }
                await using var channel = await _connection.CreateChannelAsync(cancellationToken: timeout.Token);
                await channel.CloseAsync(timeout.Token);
                return HealthCheckResult.Healthy();
            }
            catch
            {
                // A connection that failed half-way (a frozen broker) is not trusted for the next probe.
                _ = DropConnectionAsync();
                throw;
            }
            finally
            {
                _gate.Release();
            }
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // No exception in the result: an orchestrator probes every few seconds, and a stack trace each time is noise.
            return new HealthCheckResult(context.Registration.FailureStatus,
                $"RabbitMQ does not answer within {Timeout.TotalSeconds:F0} s ({e.GetBaseException().Message}).");
        }
    }

    /// <summary>Forgets the connection; closing it runs aside, as a frozen broker would hold the next probe.</summary>
    private Task DropConnectionAsync()
    {
        if (_connection is not { } connection)
        {
            return Task.CompletedTask;
        }
        _connection = null;
        return CloseQuietlyAsync(connection);
    }

    private static async Task CloseQuietlyAsync(IConnection connection)
    {
        try
        {
            await connection.DisposeAsync().AsTask().WaitAsync(Timeout);
        }
        catch (Exception)
        {
            // A connection to a broker that went away may fail to close, or not answer; it is gone either way.
        }
    }

    public async ValueTask DisposeAsync() => await DropConnectionAsync();
}
