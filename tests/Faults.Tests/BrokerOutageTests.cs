using System.Collections.Concurrent;
using System.Diagnostics;

namespace Cro.Faults.Tests;

/// <summary>
/// The broker goes away for 30 s while 1,000 events flow from a publisher (its outbox and relay) to two consumer services.
/// Meanwhile the publisher keeps answering reads and accepting writes (the outbox holds their events); once the broker is
/// back every event reaches each consumer exactly once and the outbox drains.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class BrokerOutageTests(FaultServers servers)
{
    private const int Events = 1_000;
    private const int PerWrite = 20;
    /// <summary>As long as the issue asks: longer than the relay's publish timeout and its longest back-off together.</summary>
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Broker_down_for_30_s_loses_nothing_and_applies_nothing_twice()
    {
        Steps.Note("begin");
        await using var system = await ProbeSystem.CreateAsync(servers, "brokerdown");
        Steps.Note("databases created");
        var (publisherProcess, publisher) = await StartAllAsync(system);
        Steps.Note("publisher and consumers a, b started");

        var items = new ConcurrentBag<Guid>();
        var failures = new ConcurrentQueue<string>();
        var readsDuringOutage = 0;
        var writesDuringOutage = 0;
        var brokerDown = false;
        using var stopReading = new CancellationTokenSource();

        // Writes at a steady pace, then reads, until told to stop: the service as its users meet it through the outage.
        var traffic = Task.Run(async () =>
        {
            while (!stopReading.IsCancellationRequested)
            {
                try
                {
                    if (items.Count < Events)
                    {
                        foreach (var id in await ProbeSystem.WriteAsync(publisher, PerWrite))
                        {
                            items.Add(id);
                        }
                        if (Volatile.Read(ref brokerDown))
                        {
                            Interlocked.Increment(ref writesDuringOutage);
                        }
                    }
                    using var read = await publisher.GetAsync("/items/count");
                    if (read.StatusCode != HttpStatusCode.OK)
                    {
                        failures.Enqueue($"read: {(int)read.StatusCode}");
                    }
                    else if (Volatile.Read(ref brokerDown))
                    {
                        Interlocked.Increment(ref readsDuringOutage);
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or Xunit.Sdk.XunitException)
                {
                    failures.Enqueue(e.Message);
                }
                await Task.Delay(300, CancellationToken.None);
            }
        }, TestContext.Current.CancellationToken);

        // A third of the events flow before the broker goes, the rest are written while it is away.
        await Eventually.GetAsync(() => Task.FromResult(items.Count), n => n >= Events / 3, TimeSpan.FromSeconds(60), "the first events");
        var down = Stopwatch.StartNew();
        Steps.Note($"{items.Count} events written; stopping the broker");
        await servers.RabbitMq.StopAsync();
        Steps.Note("broker stopped");
        Volatile.Write(ref brokerDown, true);
        await Task.Delay(Outage > down.Elapsed ? Outage - down.Elapsed : TimeSpan.Zero, TestContext.Current.CancellationToken);

        // The relay could not publish what was written meanwhile: the outbox holds it, and the publisher is up.
        var held = await system.OutboxAsync();
        Assert.False(publisherProcess.HasExited, publisherProcess.Output);
        Assert.True(held.Unpublished > 0, $"The outbox should hold the events written while the broker was away: {held}.");

        Volatile.Write(ref brokerDown, false);
        Steps.Note($"{items.Count} events written, outbox {held}; starting the broker");
        await servers.RabbitMq.StartAsync();
        Steps.Note("broker back");
        await Eventually.GetAsync(() => Task.FromResult(items.Count), n => n >= Events, TimeSpan.FromSeconds(60), "all events written");
        await stopReading.CancelAsync();
        await traffic;

        Steps.Note($"all written; {writesDuringOutage} writes and {readsDuringOutage} reads answered during the outage");
        Assert.Empty(failures);
        Assert.True(writesDuringOutage > 0 && readsDuringOutage > 0,
            $"Writes ({writesDuringOutage}) and reads ({readsDuringOutage}) should have been answered while the broker was away.");
        await system.AssertEachAppliedOnceAsync([.. items], TimeSpan.FromSeconds(150), ProbeSystem.A, ProbeSystem.B);
        Steps.Note("every event applied once by a and by b; outbox drained");
        Assert.False(publisherProcess.HasExited, publisherProcess.Output);
    }

    private static async Task<(ProbeProcess, HttpClient)> StartAllAsync(ProbeSystem system)
    {
        // Consumers first: their queues exist before the first event is published (broker-setup's part in a deployment).
        await Task.WhenAll(system.StartConsumerAsync(ProbeSystem.A), system.StartConsumerAsync(ProbeSystem.B));
        return await system.StartPublisherAsync();
    }
}
