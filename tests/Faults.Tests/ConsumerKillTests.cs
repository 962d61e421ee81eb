namespace Cro.Faults.Tests;

/// <summary>A consumer killed with SIGKILL while it applies events, then started again: nothing lost, nothing applied twice.</summary>
[Collection(FaultsCollection.Name)]
public sealed class ConsumerKillTests(FaultServers servers)
{
    private const int Events = 1_000;

    [Fact]
    public async Task Consumer_killed_mid_flow_and_restarted_loses_nothing_and_applies_nothing_twice()
    {
        Steps.Note("begin");
        await using var system = await ProbeSystem.CreateAsync(servers, "consumerkill");
        Steps.Note("databases created");
        // All events wait in the queue first (declared as broker-setup does), so the consumer is killed with work in hand
        // whatever the machine's pace; each event takes a moment, so it holds delivered, unacknowledged messages (some
        // already committed) when it dies.
        await system.DeployTopologyAsync(ProbeSystem.A);
        var (_, publisher) = await system.StartPublisherAsync();
        var items = await ProbeSystem.WriteManyAsync(publisher, Events);
        await Eventually.GetAsync(system.OutboxAsync, o => o.Unpublished == 0, TimeSpan.FromSeconds(60), "the events in the queue");
        Steps.Note("1,000 events wait in the queue");

        var applyDelay = TimeSpan.FromMilliseconds(20);
        var consumer = await system.StartConsumerAsync(ProbeSystem.A, applyDelay);
        await Eventually.GetAsync(() => system.AppliedAsync(ProbeSystem.A), a => a.Items >= Events / 5, TimeSpan.FromSeconds(90),
            "the consumer to be under way");
        consumer.Kill();
        var atKill = await system.AppliedAsync(ProbeSystem.A);
        Assert.True(atKill.Items < Events, $"The consumer should have been killed mid-flow: {atKill}.");

        Steps.Note($"consumer killed with {atKill.Items} applied");
        await system.StartConsumerAsync(ProbeSystem.A, applyDelay);
        Steps.Note("consumer restarted");
        await system.AssertEachAppliedOnceAsync([.. items], TimeSpan.FromSeconds(90), ProbeSystem.A);
    }
}
