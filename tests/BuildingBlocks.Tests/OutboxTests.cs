namespace Cro.BuildingBlocks.Tests;

public sealed class OutboxTests
{
    [Fact]
    public async Task Event_committed_while_the_broker_is_down_is_delivered_after_it_comes_back()
    {
        await using var service = await MessagingHost.StartAsync();
        service.Broker.Stop();

        var key = await service.WriteEventAsync();
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
        Assert.Equal(1, await service.PendingInOutboxAsync());
        Assert.Equal(0, await service.TimesReceivedAsync(key));

        service.Broker.Start();
        Assert.Equal(1, await service.WaitUntilReceivedAsync(key, TimeSpan.FromSeconds(60)));
        // The relay marks the row once the broker confirms, which may come a moment after the consumer has it.
        Assert.Equal(0, await Eventually.GetAsync(service.PendingInOutboxAsync, pending => pending == 0, TimeSpan.FromSeconds(10), "the outbox row marked"));
    }

    [Fact]
    public async Task Event_committed_by_a_process_that_died_before_publishing_is_delivered_by_the_next_relay()
    {
        // The first process commits its change and dies before its relay runs.
        Guid key;
        var database = await TestDatabase.CreateMigratedAsync("outbox", typeof(OutboxTests).Assembly);
        await using (var crashed = await MessagingHost.StartAsync(database, relay: false))
        {
            key = await crashed.WriteEventAsync();
        }

        await using var restarted = await MessagingHost.StartAsync(database);
        Assert.Equal(1, await restarted.WaitUntilReceivedAsync(key));
    }

    [Fact]
    public async Task Relay_that_died_after_publishing_but_before_marking_publishes_again_and_the_consumer_applies_once()
    {
        await using var service = await MessagingHost.StartAsync(relay: false);
        var key = await service.WriteEventAsync();

        Assert.Equal(1, await service.Relay.RelayBatchAsync(TestContext.Current.CancellationToken));
        // The mark is lost, as if the relay died before its transaction committed.
        await using (var connection = await service.DataSource.OpenConnectionAsync(TestContext.Current.CancellationToken))
        {
            await connection.ExecuteAsync("UPDATE outbox_messages SET published_at = NULL");
        }
        Assert.Equal(1, await service.Relay.RelayBatchAsync(TestContext.Current.CancellationToken));

        await service.WaitUntilReceivedAsync(key);
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        Assert.Equal(1, await service.TimesReceivedAsync(key));
    }

    [Fact]
    public async Task Rolled_back_transaction_publishes_nothing()
    {
        await using var service = await MessagingHost.StartAsync();
        var rolledBack = await service.WriteEventAsync(commit: false);
        var committed = await service.WriteEventAsync();

        // Events are relayed in commit order within a batch; once the later one arrived, the earlier would have too.
        await service.WaitUntilReceivedAsync(committed);
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        Assert.Equal(0, await service.TimesReceivedAsync(rolledBack));
        Assert.Equal(0, await service.PendingInOutboxAsync());
    }
}
