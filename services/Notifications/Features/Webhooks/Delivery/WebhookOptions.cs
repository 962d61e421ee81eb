namespace Cro.Notifications.Features.Webhooks.Delivery;

/// <summary>How webhooks are sent (section <c>Webhooks</c>). The retry schedule itself is data (webhook_retry_schedule).</summary>
public sealed class WebhookOptions
{
    /// <summary>
    /// Whether receivers on loopback addresses, and plain http, are allowed: for local runs and tests only. Otherwise only
    /// https to public addresses (never loopback, private, link-local, shared or multicast ranges).
    /// </summary>
    public bool AllowLoopback { get; set; }

    /// <summary>How long one attempt may take, connection to last byte of the answer's headers.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    public int BatchSize { get; set; } = 32;
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
    public TimeSpan ResumeDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a claimed delivery stays taken: a sender that dies mid-attempt leaves it to another after this.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Each scheduled delay is spread by up to this share either way, so receivers that came back are not hit all at once.</summary>
    public double Jitter { get; set; } = 0.1;

    /// <summary>The longest Retry-After honoured; a longer one is cut to this.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How long events and their delivery log are kept (and can be replayed).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Whether this process sends (a replica may only serve the API).</summary>
    public bool SenderEnabled { get; set; } = true;
}
