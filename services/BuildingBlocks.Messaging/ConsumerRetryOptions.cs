namespace Cro.BuildingBlocks.Messaging;

/// <summary>How often a failing message is retried before it goes to its queue's _error queue.</summary>
public sealed class ConsumerRetryOptions
{
    public int Limit { get; set; } = 5;
    public TimeSpan MinInterval { get; set; } = TimeSpan.FromMilliseconds(200);
    public TimeSpan MaxInterval { get; set; } = TimeSpan.FromSeconds(10);
}
