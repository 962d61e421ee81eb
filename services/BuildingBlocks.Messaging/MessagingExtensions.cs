using System.Reflection;
using Cro.ServiceDefaults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Cro.BuildingBlocks.Messaging;

public static class MessagingExtensions
{
    /// <summary>A service's messaging: named as its assembly (lower case), consuming with every consumer in it.</summary>
    public static IHostApplicationBuilder AddMessaging(this IHostApplicationBuilder builder, Assembly service) =>
        builder.AddMessaging(BrokerTopology.ServiceName(service), bus => bus.AddConsumers(service));

    /// <summary>
    /// MassTransit on RabbitMQ (<c>ConnectionStrings:rabbitmq</c>, an amqp:// URI), queues named
    /// <c>{service}-{consumer}</c>, consumer retry with back-off before the _error queue, and the outbox relay.
    /// The broker's exchanges, queues and bindings are declared beforehand by broker-setup (<see cref="BrokerTopology"/>),
    /// so an event published before its consumers start waits in their queues.
    /// </summary>
    public static IHostApplicationBuilder AddMessaging(this IHostApplicationBuilder builder, string serviceName,
        Action<IBusRegistrationConfigurator>? registerConsumers = null)
    {
        var broker = builder.Configuration.GetConnectionString("rabbitmq")
            ?? (BuildTimeDocument.IsGenerating ? "amqp://document-generator.invalid/" : null)
            ?? throw new InvalidOperationException("ConnectionStrings:rabbitmq is not configured.");

        builder.Services.AddMassTransit(bus => bus.UseCroBroker(new Uri(broker), serviceName, registerConsumers, deployTopologyOnly: false));
        // Without this a publish right after start-up can be lost.
        builder.Services.Configure<MassTransitHostOptions>(options =>
        {
            options.WaitUntilStarted = true;
            options.StartTimeout = TimeSpan.FromSeconds(60);
            options.StopTimeout = TimeSpan.FromSeconds(15);
        });

        builder.Services.AddOptions<ConsumerRetryOptions>().BindConfiguration("Messaging:Retry");
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddOptions<OutboxRelayOptions>().BindConfiguration("Outbox");
        builder.Services.AddSingleton<OutboxRelay>();
        if (builder.Configuration.GetValue("Outbox:RelayEnabled", true))
        {
            builder.Services.AddHostedService(services => services.GetRequiredService<OutboxRelay>());
        }
        return builder;
    }

    /// <summary>
    /// The one bus configuration of the platform, for a running service and for deploying its topology alike,
    /// so the queues broker-setup declares are exactly the ones the service consumes from.
    /// </summary>
    internal static void UseCroBroker(this IBusRegistrationConfigurator bus, Uri broker, string serviceName,
        Action<IBusRegistrationConfigurator>? registerConsumers, bool deployTopologyOnly)
    {
        bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, includeNamespace: false));
        // MassTransit reports usage to its vendor by default: a public body's platform sends nothing to a third party, and
        // where no route to the internet exists the report's lookup held broker-setup (and every service after it) for minutes.
        bus.DisableUsageTelemetry();
        registerConsumers?.Invoke(bus);
        bus.AddConfigureEndpointsCallback((context, _, endpoint) =>
        {
            var retry = context.GetRequiredService<IOptions<ConsumerRetryOptions>>().Value;
            endpoint.UseMessageRetry(r => r.Exponential(retry.Limit, retry.MinInterval, retry.MaxInterval, retry.MinInterval));
        });
        bus.UsingRabbitMq((context, rabbit) =>
        {
            rabbit.Host(broker);
            rabbit.DeployTopologyOnly = deployTopologyOnly;
            rabbit.ConfigureEndpoints(context);
        });
    }
}
