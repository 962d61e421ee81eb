namespace Cro.BuildingBlocks.Messaging;

public sealed class OutboxRelayOptions
{
    /// <summary>Rows taken (and locked) per round trip.</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>Look for work even without a NOTIFY: covers a lost notification or a reconnect.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long to wait for the broker's confirmation of one publish before counting it failed.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Back-off after failed attempts doubles from this ...</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>... up to this.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Published rows are kept this long for inspection, then deleted.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Readiness is Degraded (/health 503: an orchestrator stops routing to the replica; a warning) once the oldest unsent
    /// event waits longer than this: the service's events are not getting out ...
    /// </summary>
    public TimeSpan NotReadyAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>... and Unhealthy (503 and an error in the log: someone should look) once it waits longer than this.</summary>
    public TimeSpan UnhealthyAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>While the broker keeps failing, the relay repeats its warning (with the count waiting) at most this often.</summary>
    public TimeSpan OutageWarningInterval { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan RetryDelay(int attempts) =>
        TimeSpan.FromTicks(Math.Min(MaxRetryDelay.Ticks, FirstRetryDelay.Ticks * (1L << Math.Min(attempts, 20))));
}
