namespace Cro.Benchmarks;

/// <summary>
/// A bus of this process on a service's virtual host, only for publishing the events another service would have sent it
/// (e.g. recruitment's ApplicationAccepted to the training): the service in its own process consumes them from its queues.
/// </summary>
internal sealed class EventPublisher : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private EventPublisher(ServiceProvider provider, IBusControl bus) => (_provider, Bus) = (provider, bus);

    public IBusControl Bus { get; }

    public static async Task<EventPublisher> StartAsync(Uri broker)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMassTransit(bus =>
        {
            // As in every service: nothing is reported to MassTransit's vendor.
            bus.DisableUsageTelemetry();
            bus.UsingRabbitMq((_, rabbit) => rabbit.Host(broker));
        });
        var provider = services.BuildServiceProvider();
        var control = provider.GetRequiredService<IBusControl>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await control.StartAsync(timeout.Token);
        return new EventPublisher(provider, control);
    }

    public async ValueTask DisposeAsync()
    {
        await Bus.StopAsync();
        await _provider.DisposeAsync();
    }
}
