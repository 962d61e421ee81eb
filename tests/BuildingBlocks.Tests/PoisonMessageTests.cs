using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;

namespace Cro.BuildingBlocks.Tests;

/// <summary>An event no consumer can apply.</summary>
public sealed record PoisonHappened : IIntegrationEvent
{
    public required Guid Key { get; init; }
}

public sealed class AlwaysFailingConsumer(NpgsqlDataSource dataSource) : InboxConsumer<PoisonHappened>(dataSource)
{
    protected override Task HandleAsync(PoisonHappened message, DataSession session) =>
        throw new InvalidOperationException($"Cannot apply {message.Key}.");
}

public sealed class PoisonMessageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Message_that_keeps_failing_is_retried_then_parked_in_the_error_queue_and_not_applied()
    {
        var broker = await TestServers.RabbitMqVirtualHostAsync("poison");
        await using var service = await MessagingHost.StartAsync(broker: broker, consumers: bus => bus.AddConsumer<AlwaysFailingConsumer>());
        var key = Guid.NewGuid();

        await service.Bus.Publish(new PoisonHappened { Key = key }, Ct);

        var errorQueue = service.EndpointName<AlwaysFailingConsumer>() + "_error";
        var parked = await Eventually.GetAsync(() => MessagesInQueueAsync(broker, errorQueue), n => n == 1, what: errorQueue);
        Assert.Equal(1u, parked);
        Assert.Equal(0, await service.InboxRowsAsync());
    }

    [Fact]
    public async Task Readiness_reports_the_broker_and_fails_while_it_is_unreachable()
    {
        await using var service = await MessagingHost.StartAsync();

        var healthy = await service.HealthAsync();
        Assert.Equal(HealthStatus.Healthy, healthy.Status);
        Assert.Contains(healthy.Entries.Keys, k => k.Contains("masstransit", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(healthy.Entries.Keys, k => k.EndsWith("-database", StringComparison.Ordinal));

        service.Broker.Stop();
        var down = await Eventually.GetAsync(service.HealthAsync, r => r.Status != HealthStatus.Healthy, what: "unhealthy bus");
        Assert.NotEqual(HealthStatus.Healthy, down.Status);
        service.Broker.Start();
    }

    private static async Task<uint> MessagesInQueueAsync(string broker, string queue)
    {
        var factory = new ConnectionFactory { Uri = new Uri(broker) };
        await using var connection = await factory.CreateConnectionAsync(Ct);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: Ct);
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue, Ct)).MessageCount;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return 0; // not declared yet
        }
    }
}
