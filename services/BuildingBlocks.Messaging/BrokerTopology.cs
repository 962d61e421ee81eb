using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cro.BuildingBlocks.Messaging;

/// <summary>
/// Declares a service's exchanges, queues and bindings on the broker without consuming anything. RabbitMQ drops
/// an event published to an exchange no queue is bound to yet; with every service's topology declared first (the
/// broker-setup step the AppHost and the Kubernetes Job run before any service), services start in any order
/// and an event published before its consumer starts waits in the consumer's queue.
/// </summary>
public static class BrokerTopology
{
    /// <summary>A service's name on the broker (its queues' prefix): its assembly's name in lower case.</summary>
    public static string ServiceName(Assembly service) => service.GetName().Name!.ToLowerInvariant();

    /// <summary>The topology of a service whose consumers are every consumer of its assembly (see MessagingExtensions).</summary>
    public static Task DeployAsync(Uri broker, Assembly service, ILoggerFactory logging, CancellationToken ct) =>
        DeployAsync(broker, ServiceName(service), bus => bus.AddConsumers(service), logging, ct);

    public static async Task DeployAsync(Uri broker, string serviceName, Action<IBusRegistrationConfigurator> registerConsumers,
        ILoggerFactory logging, CancellationToken ct)
    {
        var services = new ServiceCollection();
        services.AddSingleton(logging);
        services.AddLogging();
        services.AddOptions<ConsumerRetryOptions>();
        services.AddMassTransit(bus => bus.UseCroBroker(broker, serviceName, registerConsumers, deployTopologyOnly: true));
        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<IBusControl>().DeployAsync(ct);
    }
}
