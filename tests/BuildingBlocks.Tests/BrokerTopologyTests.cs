using Microsoft.Extensions.Logging.Abstractions;

namespace Cro.BuildingBlocks.Tests;

/// <summary>
/// Services start in any order: with the broker's topology declared first (broker-setup), an event published by a
/// service that started before its consumer is kept for the consumer and delivered when it starts.
/// </summary>
public sealed class BrokerTopologyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Event_published_before_its_consumer_starts_is_delivered_once_it_starts()
    {
        var broker = await TestServers.RabbitMqVirtualHostAsync("topology");
        var consumerDatabase = await TestDatabase.CreateMigratedAsync("messaging", typeof(MessagingHost).Assembly);
        await BrokerTopology.DeployAsync(new Uri(broker), MessagingHost.QueuePrefix(consumerDatabase),
            bus => bus.AddConsumer<RecordingConsumer>(), NullLoggerFactory.Instance, Ct);

        // The publisher runs alone and publishes through its outbox; no consumer is running anywhere yet.
        await using var publisher = await MessagingHost.StartAsync(broker: broker, consumers: _ => { });
        var key = await publisher.WriteEventAsync();
        await Eventually.GetAsync(publisher.PendingInOutboxAsync, pending => pending == 0, TimeSpan.FromSeconds(30), "the event published");

        await using var consumer = await MessagingHost.StartAsync(consumerDatabase, broker: broker);

        Assert.Equal(1, await consumer.WaitUntilReceivedAsync(key, TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task Deploying_the_topology_again_changes_nothing_and_consumes_nothing()
    {
        var broker = await TestServers.RabbitMqVirtualHostAsync("topology");
        var consumerDatabase = await TestDatabase.CreateMigratedAsync("messaging", typeof(MessagingHost).Assembly);
        var name = MessagingHost.QueuePrefix(consumerDatabase);
        await BrokerTopology.DeployAsync(new Uri(broker), name, bus => bus.AddConsumer<RecordingConsumer>(), NullLoggerFactory.Instance, Ct);
        await using var publisher = await MessagingHost.StartAsync(broker: broker, consumers: _ => { });
        var key = await publisher.WriteEventAsync();
        await Eventually.GetAsync(publisher.PendingInOutboxAsync, pending => pending == 0, TimeSpan.FromSeconds(30), "the event published");

        // A second deployment (a redeploy, a second broker-setup run) leaves the waiting event where it is.
        await BrokerTopology.DeployAsync(new Uri(broker), name, bus => bus.AddConsumer<RecordingConsumer>(), NullLoggerFactory.Instance, Ct);
        await using var consumer = await MessagingHost.StartAsync(consumerDatabase, broker: broker);

        Assert.Equal(1, await consumer.WaitUntilReceivedAsync(key, TimeSpan.FromSeconds(30)));
    }
}
