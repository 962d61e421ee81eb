using Cro.ServiceDefaults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Cro.BuildingBlocks.Tests;

/// <summary>
/// A process as a service runs it: its own database, MassTransit on the real broker (through a
/// <see cref="TcpProxy"/> the test can cut), the outbox relay and the recording consumer, and the health endpoints
/// (/health, /alive) on an in-memory server.
/// </summary>
public sealed class MessagingHost : IAsyncDisposable
{
    private readonly WebApplication _host;

    private MessagingHost(WebApplication host, TestDatabase database, TcpProxy proxy)
    {
        (_host, Database, Broker) = (host, database, proxy);
    }

    public TestDatabase Database { get; }
    public TcpProxy Broker { get; }
    public NpgsqlDataSource DataSource => _host.Services.GetRequiredService<NpgsqlDataSource>();
    public OutboxRelay Relay => _host.Services.GetRequiredService<OutboxRelay>();
    public IBus Bus => _host.Services.GetRequiredService<IBus>();

    /// <summary>A client of the host's in-memory server (/health, /alive).</summary>
    public HttpClient Http => _host.GetTestClient();

    public static async Task<MessagingHost> StartAsync(TestDatabase? database = null, bool relay = true, string? broker = null,
        Action<IBusRegistrationConfigurator>? consumers = null, Action<WebApplicationBuilder>? configure = null)
    {
        database ??= await TestDatabase.CreateMigratedAsync("messaging", typeof(MessagingHost).Assembly);
        var brokerUri = new Uri(broker ?? await TestServers.RabbitMqAsync());
        var proxy = new TcpProxy(brokerUri.Host, brokerUri.Port);
        proxy.Start();

        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:messaging"] = database.AppConnectionString,
            ["ConnectionStrings:rabbitmq"] = new UriBuilder(brokerUri) { Port = proxy.Port }.Uri.ToString(),
            ["Outbox:RelayEnabled"] = relay.ToString(),
            ["Outbox:PollInterval"] = "00:00:01",
            ["Outbox:MaxRetryDelay"] = "00:00:02",
            ["Outbox:PublishTimeout"] = "00:00:03",
            ["Messaging:Retry:Limit"] = "2",
            ["Messaging:Retry:MinInterval"] = "00:00:00.050",
            ["Messaging:Retry:MaxInterval"] = "00:00:00.200",
        });
        builder.AddDefaultHealthChecks();
        builder.AddDatabase("messaging");
        // A queue of its own per host: each test sees every SomethingHappened, and counts only its keys.
        builder.AddMessaging(QueuePrefix(database), consumers ?? (bus => bus.AddConsumer<RecordingConsumer>()));
        configure?.Invoke(builder);
        var host = builder.Build();
        host.MapDefaultEndpoints();
        await host.StartAsync();
        return new MessagingHost(host, database, proxy);
    }

    /// <summary>Commits (or rolls back) a transaction that writes one event to the outbox.</summary>
    public async Task<Guid> WriteEventAsync(bool commit = true)
    {
        var key = Guid.NewGuid();
        await using var connection = await DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await transaction.EnqueueAsync(new SomethingHappened { Key = key });
        if (commit)
        {
            await transaction.CommitAsync();
        }
        else
        {
            await transaction.RollbackAsync();
        }
        return key;
    }

    public async Task<int> TimesReceivedAsync(Guid key)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM received WHERE key = @key", new { key });
    }

    public Task<int> WaitUntilReceivedAsync(Guid key, TimeSpan? within = null) =>
        Eventually.GetAsync(() => TimesReceivedAsync(key), n => n > 0, within, $"event {key}");

    public async Task<int> PendingInOutboxAsync()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM outbox_messages WHERE published_at IS NULL");
    }

    /// <summary>The name a host on <paramref name="database"/> uses on the broker: its queues' prefix.</summary>
    public static string QueuePrefix(TestDatabase database) => $"test-{database.Name}";

    public string EndpointName<TConsumer>() where TConsumer : class, IConsumer =>
        new KebabCaseEndpointNameFormatter(QueuePrefix(Database), includeNamespace: false).Consumer<TConsumer>();

    public Task<HealthReport> HealthAsync() => _host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

    public async Task<int> InboxRowsAsync()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM inbox_messages");
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        await _host.DisposeAsync();
        await Broker.DisposeAsync();
    }
}
