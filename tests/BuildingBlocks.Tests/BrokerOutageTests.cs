using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;

namespace Cro.BuildingBlocks.Tests;

/// <summary>
/// The broker going away for one process (its connection cut by the <see cref="TcpProxy"/>): readiness says so and
/// comes back, liveness never wavers, consumers reattach within seconds, and the relay's retries are warnings.
/// </summary>
public sealed class BrokerOutageTests(ITestOutputHelper output)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Health_answers_503_while_the_broker_is_unreachable_and_200_again_after_while_alive_stays_200()
    {
        await using var service = await MessagingHost.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await service.Http.GetAsync("/health", Ct)).StatusCode);

        service.Broker.Stop();
        var down = Stopwatch.StartNew();
        await Eventually.GetAsync(() => StatusAsync(service, "/health"), s => s == HttpStatusCode.ServiceUnavailable,
            TimeSpan.FromSeconds(15), "/health 503");
        output.WriteLine($"/health 503 after {down.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(service, "/alive"));

        service.Broker.Start();
        var up = Stopwatch.StartNew();
        await Eventually.GetAsync(() => StatusAsync(service, "/health"), s => s == HttpStatusCode.OK, TimeSpan.FromSeconds(15), "/health 200");
        output.WriteLine($"/health 200 again after {up.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(service, "/alive"));
    }

    [Fact]
    public async Task Health_answers_503_while_the_outbox_holds_an_event_older_than_the_limit()
    {
        await using var service = await MessagingHost.StartAsync(relay: false, configure: b =>
        {
            b.Configuration["Outbox:NotReadyAfter"] = "00:00:02";
            b.Configuration["Outbox:UnhealthyAfter"] = "00:00:04";
        });
        await service.WriteEventAsync();
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(service, "/health"));

        await Task.Delay(TimeSpan.FromSeconds(2.5), Ct);
        var response = await service.Http.GetAsync("/health", Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(service, "/alive"));
        var report = await service.HealthAsync();
        Assert.Contains(report.Entries, e => e.Key == "outbox" && e.Value.Status == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded);

        // Waiting longer still: someone should look.
        await Task.Delay(TimeSpan.FromSeconds(2), Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await StatusAsync(service, "/health"));
        report = await service.HealthAsync();
        Assert.Contains(report.Entries, e => e.Key == "outbox" && e.Value.Status == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy);

        await service.Relay.RelayBatchAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(service, "/health"));
    }

    [Fact]
    public async Task Consumers_reattach_within_seconds_of_the_broker_answering_again()
    {
        await using var service = await MessagingHost.StartAsync();
        var queue = service.EndpointName<RecordingConsumer>();
        Assert.Equal(1u, await ConsumersAsync(queue));

        // Long enough for MassTransit's default back-off (3 s growing to 30 s between attempts) to have grown: with it, the
        // next attempt came 10-35 s after the broker was back.
        service.Broker.Stop();
        await Eventually.GetAsync(() => ConsumersAsync(queue), n => n == 0, TimeSpan.FromSeconds(10), "consumer gone");
        await Task.Delay(TimeSpan.FromSeconds(40), Ct);

        service.Broker.Start();
        var back = Stopwatch.StartNew();
        await Eventually.GetAsync(() => ConsumersAsync(queue), n => n == 1, TimeSpan.FromSeconds(60), "consumer back");
        var reattached = back.Elapsed;
        var key = await service.WriteEventAsync();
        await service.WaitUntilReceivedAsync(key, TimeSpan.FromSeconds(30));
        output.WriteLine($"consumer reattached {reattached.TotalSeconds:F1} s after the broker returned; event consumed after {back.Elapsed.TotalSeconds:F1} s");
        Assert.True(reattached < TimeSpan.FromSeconds(8), $"reattached after {reattached.TotalSeconds:F1} s");
    }

    [Fact]
    public async Task Relay_reports_an_outage_as_a_warning_with_a_count_not_as_errors()
    {
        var logs = new CapturedLogs();
        await using var service = await MessagingHost.StartAsync(configure: b =>
        {
            b.Logging.AddProvider(logs);
            b.Configuration["Outbox:OutageWarningInterval"] = "00:00:05";
        });
        service.Broker.Stop();
        var keys = new List<Guid>();
        for (var i = 0; i < 20; i++)
        {
            keys.Add(await service.WriteEventAsync());
        }
        await Task.Delay(TimeSpan.FromSeconds(12), Ct);
        service.Broker.Start();
        foreach (var key in keys)
        {
            await service.WaitUntilReceivedAsync(key, TimeSpan.FromSeconds(30));
        }

        foreach (var entry in logs.Entries.Where(e => e.Level >= LogLevel.Warning))
        {
            output.WriteLine(entry.ToString());
        }
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);
        // Connection attempts while the broker is away: no warning with a stack trace every few seconds per endpoint.
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Warning && e.Message.StartsWith("Connection Failed", StringComparison.Ordinal));
        var relay = logs.Entries.Where(e => e.Category == typeof(OutboxRelay).FullName && e.Level == LogLevel.Warning).ToList();
        Assert.NotEmpty(relay);
        Assert.All(relay, e => Assert.Null(e.Exception));
        Assert.Contains(relay, e => e.Message.Contains("20 events", StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => e.Category == typeof(OutboxRelay).FullName && e.Level == LogLevel.Information
            && e.Message.Contains("again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Frozen_broker_makes_health_503_and_unconfirmed_publishes_warnings_and_all_is_delivered_after()
    {
        var logs = new CapturedLogs();
        await using var service = await MessagingHost.StartAsync(configure: b => b.Logging.AddProvider(logs));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(service, "/health"));

        // Connections stay open and nothing answers: the relay's publishes wait for confirmations that do not come.
        service.Broker.Freeze();
        var keys = new List<Guid>();
        for (var i = 0; i < 10; i++)
        {
            keys.Add(await service.WriteEventAsync());
        }
        var frozen = Stopwatch.StartNew();
        await Eventually.GetAsync(() => StatusAsync(service, "/health"), s => s == HttpStatusCode.ServiceUnavailable,
            TimeSpan.FromSeconds(15), "/health 503");
        output.WriteLine($"/health 503 {frozen.Elapsed.TotalSeconds:F1} s into the freeze");
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(service, "/alive"));
        await Task.Delay(TimeSpan.FromSeconds(8), Ct);

        service.Broker.Thaw();
        foreach (var key in keys)
        {
            Assert.Equal(1, await service.WaitUntilReceivedAsync(key, TimeSpan.FromSeconds(30)));
        }
        await Eventually.GetAsync(() => StatusAsync(service, "/health"), s => s == HttpStatusCode.OK, TimeSpan.FromSeconds(15), "/health 200");

        foreach (var entry in logs.Entries.Where(e => e.Level >= LogLevel.Warning))
        {
            output.WriteLine(entry.ToString());
        }
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);
        Assert.Contains(logs.Entries, e => e.Category == typeof(OutboxRelay).FullName && e.Level == LogLevel.Warning
            && e.Message.Contains("no confirmation", StringComparison.Ordinal));
    }

    private static async Task<HttpStatusCode> StatusAsync(MessagingHost service, string path) =>
        (await service.Http.GetAsync(path, Ct)).StatusCode;

    /// <summary>Consumers on the queue, asked of the broker directly (not through the host's proxy).</summary>
    private static async Task<uint> ConsumersAsync(string queue)
    {
        var factory = new ConnectionFactory { Uri = new Uri(await TestServers.RabbitMqAsync()) };
        await using var connection = await factory.CreateConnectionAsync(Ct);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: Ct);
        return (await channel.QueueDeclarePassiveAsync(queue, Ct)).ConsumerCount;
    }
}
