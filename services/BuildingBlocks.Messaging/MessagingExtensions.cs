using System.Reflection;
using Cro.ServiceDefaults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MassTransit.RabbitMqTransport;
using RabbitMQ.Client.Exceptions;

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

        builder.Services.AddMassTransit(bus =>
        {
            bus.UseCroBroker(new Uri(broker), serviceName, registerConsumers, deployTopologyOnly: false);
            // MassTransit's check of the consumers' endpoints: at worst Degraded (503 all the same), as consumers that lost
            // the broker reattach by themselves; Unhealthy would log an error at every probe of an ordinary outage.
            bus.ConfigureHealthCheckOptions(health => health.MinimalFailureStatus = HealthStatus.Degraded);
        });
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

        // Readiness (/health; not /alive, so a broker outage takes a replica out of rotation without getting it killed):
        // the broker answers, and the outbox's oldest unsent event is young. An expected, self-healing outage is Degraded
        // (503, logged as a warning), Unhealthy (503, logged as an error) is for what outlasts one: see HealthChecks.
        builder.Services.AddSingleton(new BrokerHealthCheck(new Uri(broker), serviceName));
        builder.Services.AddHealthChecks()
            .Add(new HealthCheckRegistration("rabbitmq", services => services.GetRequiredService<BrokerHealthCheck>(), HealthStatus.Degraded, ["ready"]))
            .Add(new HealthCheckRegistration("outbox", services => ActivatorUtilities.CreateInstance<OutboxHealthCheck>(services),
                HealthStatus.Unhealthy, ["ready"]));
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
            rabbit.Host(broker, host =>
            {
                // A broker that accepts TCP but does not answer (frozen, overloaded) fails a connection attempt in 5 s
                // rather than RabbitMQ.Client's 30 s, so the next attempt comes soon.
                host.RequestedConnectionTimeout(TimeSpan.FromSeconds(5));
                // A frozen broker is noticed after two missed heartbeats (~20 s) rather than the broker's default 60 s
                // (~2 min): consumers and publishes move to a new connection once it answers again.
                host.Heartbeat(TimeSpan.FromSeconds(10));
            });
            var hostConfiguration = HostConfiguration(rabbit);
            ReconnectWithinSeconds(hostConfiguration);
            LogTransientSendFaultsAsDebug(hostConfiguration, context.GetRequiredService<ILoggerFactory>());
            rabbit.DeployTopologyOnly = deployTopologyOnly;
            rabbit.ConfigureEndpoints(context);
        });
    }

    /// <summary>
    /// MassTransit 8 restarts a receive endpoint whose connection broke with a hard-coded exponential back-off, 3 s growing
    /// to 30 s (plus a 1 s pause) between attempts, and never shortens it again; the same policy paces publishing's
    /// reconnection. After a 30-40 s outage the next attempt came 20-50 s after the broker was back: queues sat without
    /// consumers that long (issue 19). The policy is a read-only property with no setting, so it is replaced here on the
    /// host configuration, same exceptions handled, with attempts every 0.5-2 s (plus MassTransit's 1 s pause) and no
    /// limit (MassTransit's gives up after 1,000 attempts, for good): a refused connection costs nothing, and consumers
    /// reattach within ~3 s of the broker answering (measured: 1 s, against 15-16 s before). A MassTransit upgrade that
    /// renames these fields fails start-up here, loudly, rather than silently bringing the slow back-off back;
    /// BrokerOutageTests measures the reattachment.
    /// </summary>
    private static void ReconnectWithinSeconds(MassTransit.Configuration.IHostConfiguration hostConfiguration)
    {
        var policy = hostConfiguration.GetType().GetField("<ReceiveTransportRetryPolicy>k__BackingField", BindingFlags.Instance | BindingFlags.NonPublic)
            ?? throw UpgradeBrokeThis("ReceiveTransportRetryPolicy");
        policy.SetValue(hostConfiguration, Retry.CreatePolicy(retry =>
        {
            retry.Handle<ConnectionException>();
            retry.Handle<AlreadyClosedException>();
            retry.Handle<EndOfStreamException>();
            retry.Handle<OperationInterruptedException>(e => e.ChannelShouldBeClosed());
            retry.Handle<NotSupportedException>(e => e.Message.Contains("Pipelining of requests forbidden", StringComparison.Ordinal));
            retry.Ignore<AuthenticationFailureException>();
            retry.Exponential(int.MaxValue, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(250));
        }));
    }

    /// <summary>See <see cref="TransientSendFaultLogging"/>. Set on the host before the bus is built, so its transports log through it.</summary>
    private static void LogTransientSendFaultsAsDebug(MassTransit.Configuration.IHostConfiguration hostConfiguration, ILoggerFactory logging)
    {
        LogContext.ConfigureCurrentLogContext(new TransientSendFaultLogging(logging));
        hostConfiguration.LogContext = LogContext.Current;
    }

    /// <summary>The host configuration behind the RabbitMQ bus configurator, which MassTransit does not expose.</summary>
    private static MassTransit.Configuration.IHostConfiguration HostConfiguration(IRabbitMqBusFactoryConfigurator rabbit) =>
        rabbit.GetType().GetField("_hostConfiguration", BindingFlags.Instance | BindingFlags.NonPublic)?.GetValue(rabbit)
            as MassTransit.Configuration.IHostConfiguration
        ?? throw UpgradeBrokeThis("_hostConfiguration");

    private static InvalidOperationException UpgradeBrokeThis(string field) => new(
        $"MassTransit's RabbitMQ configuration no longer has {field}, which UseCroBroker relies on to reconnect within seconds " +
        "and log transient send faults quietly; see MessagingExtensions after the MassTransit upgrade.");
}
