using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Cro.BuildingBlocks.Messaging;

/// <summary>
/// Readiness: does the oldest event not yet handed to the broker wait longer than it should? Normally it waits
/// milliseconds; a growing age means this service's events are not getting out (broker unreachable, publishes not
/// confirmed, relay stuck), whatever the connection says. Degraded (503, a warning) after
/// <see cref="OutboxRelayOptions.NotReadyAfter"/>, Unhealthy (503, an error) after <see cref="OutboxRelayOptions.UnhealthyAfter"/>. One query on the partial index of pending
/// rows (outbox_messages_pending), which holds only unsent rows; ages are measured on the database's clock.
/// </summary>
internal sealed class OutboxHealthCheck(NpgsqlDataSource dataSource, IOptions<OutboxRelayOptions> options) : IHealthCheck
{
    private const string OldestPendingSql = """
        SELECT extract(epoch FROM now() - min(created_at))::float8 AS age, count(*) AS pending
        FROM outbox_messages WHERE published_at IS NULL
        """;

    private sealed record Oldest(double? Age, long Pending);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var limits = options.Value;
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            var (age, pending) = await connection.QuerySingleAsync<Oldest>(new CommandDefinition(OldestPendingSql, cancellationToken: ct));
            if (age is not { } seconds)
            {
                return HealthCheckResult.Healthy("The outbox is empty.");
            }
            var oldest = TimeSpan.FromSeconds(Math.Max(0, seconds));
            var description = $"{pending} events waiting in the outbox; the oldest for {oldest.TotalSeconds:F0} s.";
            return oldest > limits.UnhealthyAfter ? new HealthCheckResult(context.Registration.FailureStatus, description)
                : oldest > limits.NotReadyAfter ? HealthCheckResult.Degraded(description)
                : HealthCheckResult.Healthy(description);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "PostgreSQL does not answer: the outbox cannot be read.");
        }
    }
}
