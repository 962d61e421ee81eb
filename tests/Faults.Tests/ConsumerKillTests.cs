namespace Cro.Faults.Tests;

/// <summary>A consumer killed with SIGKILL while it applies events, then started again: nothing lost, nothing applied twice.</summary>
[Collection(FaultsCollection.Name)]
public sealed class ConsumerKillTests(FaultServers servers)
{
    private const int Events = 1_000;

    [Fact]
    public async Task Consumer_killed_mid_flow_and_restarted_loses_nothing_and_applies_nothing_twice()
    {
        await using var system = await ProbeSystem.CreateAsync(servers, "consumerkill");
        // Each event takes a moment, so the consumer holds delivered, unacknowledged messages (some already committed) when it dies.
        var applyDelay = TimeSpan.FromMilliseconds(10);
        var consumer = await system.StartConsumerAsync(ProbeSystem.A, applyDelay);
        var (_, publisher) = await system.StartPublisherAsync();

        var items = new List<Guid>();
        for (var written = 0; written < Events; written += 100)
        {
            items.AddRange(await ProbeSystem.WriteAsync(publisher, 100));
        }
        await Eventually.GetAsync(() => system.AppliedAsync(ProbeSystem.A), a => a.Items >= Events / 5, TimeSpan.FromSeconds(90),
            "the consumer to be under way");
        consumer.Kill();
        var atKill = await system.AppliedAsync(ProbeSystem.A);
        Assert.True(atKill.Items < Events, $"The consumer should have been killed mid-flow: {atKill}.");

        await system.StartConsumerAsync(ProbeSystem.A, applyDelay);
        await system.AssertEachAppliedOnceAsync(items, TimeSpan.FromSeconds(90), ProbeSystem.A);
    }
}
