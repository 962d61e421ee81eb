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

    public TimeSpan RetryDelay(int attempts) =>
        TimeSpan.FromTicks(Math.Min(MaxRetryDelay.Ticks, FirstRetryDelay.Ticks * (1L << Math.Min(attempts, 20))));
}
