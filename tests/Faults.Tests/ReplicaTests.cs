namespace Cro.Faults.Tests;

/// <summary>
/// Two replicas of every side at once: two publishers whose relays share one outbox table, two consumer processes on each
/// consumer service's queue. Every event is still published and applied once per consumer service.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class ReplicaTests(FaultServers servers)
{
    private const int Events = 1_000;

    [Fact]
    public async Task Two_relays_and_competing_consumers_handle_every_event_once()
    {
        Steps.Note("begin");
        await using var system = await ProbeSystem.CreateAsync(servers, "replicas");
        Steps.Note("databases created");
        // A moment per event, so both replicas of a queue get their share.
        var applyDelay = TimeSpan.FromMilliseconds(2);
        await Task.WhenAll(
            system.StartConsumerAsync(ProbeSystem.A, applyDelay), system.StartConsumerAsync(ProbeSystem.A, applyDelay),
            system.StartConsumerAsync(ProbeSystem.B, applyDelay), system.StartConsumerAsync(ProbeSystem.B, applyDelay));
        var publishers = await Task.WhenAll(system.StartPublisherAsync(), system.StartPublisherAsync());
        Steps.Note("two publishers, two consumers a, two consumers b started");

        // Writes through both replicas at once; each replica's relay wakes on every commit and takes what it can lock.
        var written = await Task.WhenAll(publishers.Select(p => ProbeSystem.WriteManyAsync(p.Client, Events / 2, concurrency: 2)));
        var items = written.SelectMany(ids => ids).ToList();
        Steps.Note($"{items.Count} events written");

        await system.AssertEachAppliedOnceAsync(items, TimeSpan.FromSeconds(90), ProbeSystem.A, ProbeSystem.B);
        foreach (var name in new[] { ProbeSystem.A, ProbeSystem.B })
        {
            var applied = await system.AppliedAsync(name);
            Assert.True(applied.Processes == 2, $"Both replicas of consumer {name} should have applied events: {applied}.");
        }
    }
}
