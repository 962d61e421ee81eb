using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Cro.AppHost.Infrastructure;

/// <summary>
/// The PostgreSQL server (as its superuser), its address for the services' own logins, and the broker, with its management
/// HTTP API (http://user:password@host:port/; null where an external broker names none) through which monitoring shows
/// the _error queues.
/// </summary>
public sealed record Servers(
    IResourceBuilder<IResourceWithConnectionString> Postgres,
    ReferenceExpression PostgresAddress,
    IResourceBuilder<IResourceWithConnectionString> RabbitMq,
    ReferenceExpression? RabbitMqManagement,
    LocalSecrets Secrets);

public static class ServersExtensions
{
    public static Servers AddServers(this IDistributedApplicationBuilder builder)
    {
        var repositoryRoot = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, ".."));
        var configured = builder.Configuration["Infrastructure:DataDirectory"];
        var dataDirectory = string.IsNullOrWhiteSpace(configured) ? Path.Combine(repositoryRoot, ".data") : Path.GetFullPath(configured);
        var secrets = LocalSecrets.Load(dataDirectory);

        return InfrastructureModeChoice.Choose(builder.Configuration) switch
        {
            InfrastructureMode.Containers => AddContainers(builder, secrets),
            InfrastructureMode.Local => AddLocalServers(builder, secrets, repositoryRoot, dataDirectory),
            _ => AddExternal(builder, secrets),
        };
    }

    private static Servers AddContainers(IDistributedApplicationBuilder builder, LocalSecrets secrets)
    {
        var postgres = builder.AddPostgres("postgres").WithImageTag("15").WithDataVolume("cro-postgres");
        var endpoint = postgres.Resource.PrimaryEndpoint;
        var address = ReferenceExpression.Create(
            $"Host={endpoint.Property(EndpointProperty.Host)};Port={endpoint.Property(EndpointProperty.Port)}");
        var rabbit = builder.AddRabbitMQ("rabbitmq").WithManagementPlugin().WithDataVolume("cro-rabbitmq");
        var management = rabbit.Resource.ManagementEndpoint;
        var managementUri = ReferenceExpression.Create(
            $"http://{rabbit.Resource.UserNameReference}:{rabbit.Resource.PasswordParameter}@{management.Property(EndpointProperty.Host)}:{management.Property(EndpointProperty.Port)}/");
        return new Servers(AsServer(builder, postgres), address, AsServer(builder, rabbit), managementUri, secrets);
    }

    private static Servers AddExternal(IDistributedApplicationBuilder builder, LocalSecrets secrets)
    {
        var admin = builder.Configuration.GetConnectionString("postgres")
            ?? throw new InvalidOperationException("External mode needs ConnectionStrings__postgres (a superuser) and ConnectionStrings__rabbitmq.");
        var server = new NpgsqlConnectionStringBuilder(admin);
        var address = ReferenceExpression.Create($"Host={server.Host};Port={server.Port.ToString()}");
        // The management API is optional here (ConnectionStrings__rabbitmq-management): without it monitoring shows no _error queues.
        var management = string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString("rabbitmq-management"))
            ? null
            : builder.AddConnectionString("rabbitmq-management").Resource.ConnectionStringExpression;
        return new Servers(builder.AddConnectionString("postgres"), address, builder.AddConnectionString("rabbitmq"), management, secrets);
    }

    private static Servers AddLocalServers(IDistributedApplicationBuilder builder, LocalSecrets secrets, string repositoryRoot, string dataDirectory)
    {
        var config = builder.Configuration;
        // Below Linux's ephemeral range (32768-60999), so no outgoing connection can be holding them.
        var postgresPort = config.GetValue("Infrastructure:PostgresPort", 24432);
        var amqpPort = config.GetValue("Infrastructure:RabbitMqPort", 24672);
        var managementPort = config.GetValue("Infrastructure:RabbitMqManagementPort", 24673);
        var distributionPort = config.GetValue("Infrastructure:RabbitMqDistributionPort", 24674);
        var scripts = Path.Combine(repositoryRoot, "deploy", "local");

        var postgresPassword = builder.AddParameter("postgres-password", secrets.Get("postgres"), secret: true);
        var adminConnection = $"Host=127.0.0.1;Port={postgresPort};Username=postgres;Password={secrets.Get("postgres")}";
        builder.Services.AddHealthChecks().AddAsyncCheck("postgres-accepts", async ct =>
        {
            try
            {
                await using var connection = new NpgsqlConnection(adminConnection);
                await connection.OpenAsync(ct);
                return HealthCheckResult.Healthy();
            }
            catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
            {
                return HealthCheckResult.Unhealthy(e.Message);
            }
        });
        var postgres = builder.AddResource(new LocalServerResource("postgres", "/bin/bash", repositoryRoot,
                ReferenceExpression.Create($"Host=127.0.0.1;Port={postgresPort.ToString()};Username=postgres;Password={postgresPassword.Resource}")))
            .WithArgs(Path.Combine(scripts, "postgres.sh"), Path.Combine(dataDirectory, "postgres"), postgresPort.ToString())
            .WithEnvironment("POSTGRES_PASSWORD", postgresPassword)
            .WithEndpoint(name: "tcp", port: postgresPort, targetPort: postgresPort, isProxied: false)
            .WithHealthCheck("postgres-accepts");

        var rabbitUser = "cro";
        var rabbitPassword = builder.AddParameter("rabbitmq-password", secrets.Get("rabbitmq"), secret: true);
        builder.Services.AddHealthChecks().AddAsyncCheck("rabbitmq-accepts", async ct =>
        {
            try
            {
                using var tcp = new TcpClient();
                await tcp.ConnectAsync("127.0.0.1", amqpPort, ct);
                return HealthCheckResult.Healthy();
            }
            catch (SocketException e)
            {
                return HealthCheckResult.Unhealthy(e.Message);
            }
        });
        var rabbit = builder.AddResource(new LocalServerResource("rabbitmq", "/bin/bash", repositoryRoot,
                ReferenceExpression.Create($"amqp://{rabbitUser}:{rabbitPassword.Resource}@127.0.0.1:{amqpPort.ToString()}/")))
            .WithArgs(Path.Combine(scripts, "rabbitmq.sh"), Path.Combine(dataDirectory, "rabbitmq"), amqpPort.ToString(), managementPort.ToString(), distributionPort.ToString())
            .WithEnvironment("RABBITMQ_DEFAULT_USER", rabbitUser)
            .WithEnvironment("RABBITMQ_DEFAULT_PASS", rabbitPassword)
            .WithEndpoint(name: "amqp", port: amqpPort, targetPort: amqpPort, isProxied: false)
            .WithHttpEndpoint(name: "management", port: managementPort, targetPort: managementPort, isProxied: false)
            .WithHealthCheck("rabbitmq-accepts");

        return new Servers(AsServer(builder, postgres), ReferenceExpression.Create($"Host=127.0.0.1;Port={postgresPort.ToString()}"),
            AsServer(builder, rabbit),
            ReferenceExpression.Create($"http://{rabbitUser}:{rabbitPassword.Resource}@127.0.0.1:{managementPort.ToString()}/"),
            secrets);
    }

    private static IResourceBuilder<IResourceWithConnectionString> AsServer<T>(IDistributedApplicationBuilder builder, IResourceBuilder<T> server)
        where T : IResourceWithConnectionString => builder.CreateResourceBuilder<IResourceWithConnectionString>(server.Resource);
}
