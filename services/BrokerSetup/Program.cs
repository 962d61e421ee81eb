using System.Reflection;
using Cro.BuildingBlocks.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

// Declares every service's exchanges, queues and bindings on RabbitMQ, then exits. Runs before the services (the
// AppHost waits for it to finish; in Kubernetes it is a Job), so they start in any order: an event published before
// its consumer runs waits in the consumer's queue instead of being dropped. Idempotent. Configuration:
//   ConnectionStrings:rabbitmq      an amqp:// URI
var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build();
var broker = new Uri(configuration.GetConnectionString("rabbitmq")
    ?? throw new InvalidOperationException("ConnectionStrings:rabbitmq is not configured."));
using var logging = LoggerFactory.Create(log => log.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));

// By name: every service's entry point is a class called Program, so their types cannot be named here.
foreach (var service in new[] { "Identity", "Recruitment", "Training", "Advisory", "Monitoring", "Publishing", "Evaluation", "Notifications" }.Select(Assembly.Load))
{
    await BrokerTopology.DeployAsync(broker, service, logging, timeout.Token);
    Console.WriteLine($"Broker topology of {BrokerTopology.ServiceName(service)} deployed.");
}
