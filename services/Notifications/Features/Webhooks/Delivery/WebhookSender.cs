using System.Diagnostics;
using System.Net;
using System.Text;
using Dapper;
using Microsoft.Extensions.Options;

namespace Cro.Notifications.Features.Webhooks.Delivery;

/// <summary>
/// Sends due webhook deliveries in the loop of <see cref="NotifiedBatchWorker"/> (woken by the consumer's NOTIFY, polling
/// for retries falling due). A batch is claimed with FOR UPDATE SKIP LOCKED and leased (its next attempt moved past the
/// lease) in a short transaction, sent in parallel, and each outcome recorded after: replicas never send one delivery at
/// once, and a sender that dies mid-attempt leaves it to be sent again when the lease ends — with the same webhook-id,
/// by which the receiver recognises it. 2xx delivers; 410 disables the endpoint; 429 and 503 wait for their Retry-After;
/// anything else (another status, a redirect, a timeout, a refused address) is tried again on the retry schedule.
/// </summary>
public sealed class WebhookSender(NpgsqlDataSource dataSource, IOptions<WebhookOptions> options, ILogger<WebhookSender> logger, TimeProvider time)
    : NotifiedBatchWorker(dataSource, Pace(options.Value), logger, time), IDisposable
{
    private readonly WebhookOptions _options = options.Value;
    private readonly HttpClient _http = CreateClient(options.Value);

    /// <summary>A claimed delivery (a class, not a record: Dapper binds text[] columns to properties, not to constructor parameters).</summary>
    private sealed class Claimed
    {
        public Guid Id { get; init; }
        public Guid EndpointId { get; init; }
        public int Attempts { get; init; }
        public string Url { get; init; } = "";
        public Guid EventId { get; init; }
        public string Body { get; init; } = "";
        public string[] Secrets { get; init; } = [];
    }

    /// <summary>What one attempt came to.</summary>
    /// <param name="StatusCode">The receiver's answer, or null when there was none.</param>
    /// <param name="RetryAfter">The wait a 429 or 503 asked for.</param>
    public sealed record Outcome(int? StatusCode, string? Error, TimeSpan? RetryAfter, int DurationMs)
    {
        public bool Delivered => StatusCode is >= 200 and < 300;
        public bool Gone => StatusCode == (int)HttpStatusCode.Gone;
    }

    private static Pacing Pace(WebhookOptions options) =>
        new("Webhook sender", WebhookEvents.NotifyChannel, options.BatchSize, options.PollInterval, options.ResumeDelay);

    private static HttpClient CreateClient(WebhookOptions options) => new(new SocketsHttpHandler
    {
        // A redirect is a failure: following it could lead anywhere, past the address check.
        AllowAutoRedirect = false,
        UseCookies = false,
        // A proxy would connect for us, past the address check.
        UseProxy = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectCallback = (context, ct) => ReceiverAddresses.ConnectAsync(context, options.AllowLoopback, ct),
    })
    {
        Timeout = options.Timeout,
        DefaultRequestHeaders = { { "User-Agent", "CRO-Webhooks/1" } },
    };

    protected override Task<int> ProcessBatchAsync(CancellationToken ct) => SendBatchAsync(ct);

    /// <summary>Claims, sends and records one batch of due deliveries; returns how many it claimed.</summary>
    public async Task<int> SendBatchAsync(CancellationToken ct)
    {
        var claimed = await ClaimAsync(ct);
        if (claimed.Count == 0)
        {
            return 0;
        }
        var outcomes = await Task.WhenAll(claimed.Select(delivery => SendAsync(delivery, ct)));
        var schedule = await ScheduleAsync(ct);
        for (var i = 0; i < claimed.Count; i++)
        {
            await RecordAsync(claimed[i], outcomes[i], schedule, ct);
        }
        var failed = outcomes.Count(o => !o.Delivered);
        if (failed > 0)
        {
            Logger.LogWarning("Webhook sender: {Failed} of {Total} attempts not accepted; they are retried on the schedule ({Error}).",
                failed, claimed.Count, outcomes.First(o => !o.Delivered).Error);
        }
        return claimed.Count;
    }

    private async Task<IReadOnlyList<Claimed>> ClaimAsync(CancellationToken ct)
    {
        await using var connection = await DataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<Claimed>(new CommandDefinition("""
            WITH due AS (
                SELECT d.id FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id
                WHERE d.status = 'pending' AND d.next_attempt_at <= now() AND e.enabled
                ORDER BY d.next_attempt_at, d.id
                LIMIT @batch
                FOR UPDATE OF d SKIP LOCKED)
            UPDATE webhook_deliveries d SET attempts = d.attempts + 1, next_attempt_at = now() + @lease
            FROM due, webhook_endpoints e, webhook_events ev
            WHERE d.id = due.id AND e.id = d.endpoint_id AND ev.id = d.event_id
            RETURNING d.id, d.endpoint_id, d.attempts, e.url, ev.id AS event_id, ev.body,
                ARRAY(SELECT s.secret FROM webhook_secrets s
                      WHERE s.endpoint_id = e.id AND (s.expires_at IS NULL OR s.expires_at > now())
                      ORDER BY s.created_at DESC) AS secrets
            """, new { batch = _options.BatchSize, lease = _options.Lease }, cancellationToken: ct))).AsList();
    }

    private async Task<Outcome> SendAsync(Claimed delivery, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        int Elapsed() => (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        try
        {
            var url = new Uri(delivery.Url);
            if (ReceiverAddresses.Refusal(url, _options.AllowLoopback) is { } refusal)
            {
                return new Outcome(null, refusal, null, 0);
            }
            var id = delivery.EventId.ToString();
            // A stamp of the transport, which the receiver checks against its own clock (Standard Webhooks refuses one more
            // than five minutes off, against replays): the machine's time, not the platform's, which a test run or the demo
            // moves ahead. When the event happened is in the body.
            var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
            using var request = new HttpRequestMessage(HttpMethod.Post, url)
            {
                Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("webhook-id", id);
            request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add("webhook-signature", WebhookSignature.Sign(id, timestamp, delivery.Body, delivery.Secrets));
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            var status = (int)response.StatusCode;
            return new Outcome(status, response.IsSuccessStatusCode ? null : $"HTTP {status}", RetryAfter(response), Elapsed());
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            var error = e is TaskCanceledException ? $"No answer within {_options.Timeout.TotalSeconds:0} s." : e.GetBaseException().Message;
            return new Outcome(null, error, null, Elapsed());
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)
            || response.Headers.RetryAfter is not { } retryAfter)
        {
            return null;
        }
        return retryAfter.Delta ?? (retryAfter.Date is { } date ? date - DateTimeOffset.UtcNow : null);
    }

    private async Task<IReadOnlyList<TimeSpan>> ScheduleAsync(CancellationToken ct)
    {
        await using var connection = await DataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<TimeSpan>(new CommandDefinition(
            "SELECT retry_after FROM webhook_retry_schedule ORDER BY attempt", cancellationToken: ct))).AsList();
    }

    /// <summary>
    /// The wait before the next attempt after <paramref name="attempts"/> failed ones, or null when the schedule is spent.
    /// A Retry-After is honoured (never tried earlier, at most <see cref="WebhookOptions.MaxRetryAfter"/>); a scheduled
    /// delay is spread by the jitter.
    /// </summary>
    public TimeSpan? NextDelay(int attempts, TimeSpan? retryAfter, IReadOnlyList<TimeSpan> schedule)
    {
        if (attempts > schedule.Count)
        {
            return null;
        }
        var scheduled = schedule[attempts - 1] * (1 + _options.Jitter * (2 * Random.Shared.NextDouble() - 1));
        return retryAfter is { } wait && wait > TimeSpan.Zero
            ? (wait > _options.MaxRetryAfter ? _options.MaxRetryAfter : wait)
            : scheduled;
    }

    private async Task RecordAsync(Claimed delivery, Outcome outcome, IReadOnlyList<TimeSpan> schedule, CancellationToken ct)
    {
        var delay = outcome.Delivered || outcome.Gone ? null : NextDelay(delivery.Attempts, outcome.RetryAfter, schedule);
        var status = outcome.Delivered ? "delivered" : outcome.Gone || delay is null ? "failed" : "pending";
        WebhookMetrics.Attempts.Add(1, new KeyValuePair<string, object?>("outcome", status));
        await using var connection = await DataSource.OpenConnectionAsync(CancellationToken.None);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO webhook_attempts (id, delivery_id, attempted_at, status_code, error, duration_ms)
            VALUES (@attemptId, @id, now(), @statusCode, @error, @durationMs);
            UPDATE webhook_deliveries SET status = @status, last_status_code = @statusCode, last_error = @error,
                next_attempt_at = CASE WHEN @status = 'pending' THEN now() + @delay ELSE next_attempt_at END,
                delivered_at = CASE WHEN @status = 'delivered' THEN now() END
            WHERE id = @id;
            UPDATE webhook_endpoints SET enabled = false, disabled_reason = 'gone', disabled_at = now(), updated_at = now()
            WHERE id = @endpointId AND @gone AND enabled;
            """,
            new
            {
                attemptId = Guid.CreateVersion7(), delivery.Id, outcome.StatusCode, outcome.Error, outcome.DurationMs, status,
                delay = delay ?? TimeSpan.Zero, delivery.EndpointId, gone = outcome.Gone,
            }, cancellationToken: CancellationToken.None));
        if (outcome.Gone)
        {
            Logger.LogWarning("Webhook endpoint {Endpoint} answered 410 Gone and is disabled.", delivery.EndpointId);
        }
    }

    protected override async Task CleanUpAsync(CancellationToken ct)
    {
        await using var connection = await DataSource.OpenConnectionAsync(ct);
        // Events kept the retention period, unless a delivery of one is still being tried; their deliveries and attempts go with them.
        await connection.ExecuteAsync(new CommandDefinition("""
            DELETE FROM webhook_events ev
            WHERE ev.created_at < now() - @retention
              AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.event_id = ev.id AND d.status = 'pending')
            """, new { retention = _options.Retention }, cancellationToken: ct));
    }

    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }
}
