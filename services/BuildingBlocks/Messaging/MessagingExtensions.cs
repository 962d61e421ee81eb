using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Cro.BuildingBlocks.Messaging;

public static class MessagingExtensions
{
    /// <summary>
    /// MassTransit on RabbitMQ (<c>ConnectionStrings:rabbitmq</c>, an amqp:// URI), queues named
    /// <c>{service}-{consumer}</c>, consumer retry with back-off before the _error queue, and the outbox relay.
    /// </summary>
    public static IHostApplicationBuilder AddMessaging(this IHostApplicationBuilder builder, string serviceName,
        Action<IBusRegistrationConfigurator>? registerConsumers = null)
    {
        var broker = builder.Configuration.GetConnectionString("rabbitmq")
            ?? throw new InvalidOperationException("ConnectionStrings:rabbitmq is not configured.");

        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, includeNamespace: false));
            registerConsumers?.Invoke(bus);
            bus.AddConfigureEndpointsCallback((context, _, endpoint) =>
            {
                var retry = context.GetRequiredService<IOptions<ConsumerRetryOptions>>().Value;
                endpoint.UseMessageRetry(r => r.Exponential(retry.Limit, retry.MinInterval, retry.MaxInterval, retry.MinInterval));
            });
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(new Uri(broker));
                rabbit.ConfigureEndpoints(context);
            });
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
        if (builder.Configuration.GetValue("Outbox:RelayEnabled", true))
        {
            builder.Services.AddHostedService(services => services.GetRequiredService<OutboxRelay>());
        }
        return builder;
    }
}
