using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Cro.BuildingBlocks.Tests;

/// <summary>
/// A process as a service runs it: its own database, MassTransit on the real broker (through a
/// <see cref="TcpProxy"/> the test can cut), the outbox relay and the recording consumer.
/// </summary>
public sealed class MessagingHost : IAsyncDisposable
{
    private readonly IHost _host;

    private MessagingHost(IHost host, TestDatabase database, TcpProxy proxy)
    {
        (_host, Database, Broker) = (host, database, proxy);
    }

    public TestDatabase Database { get; }
    public TcpProxy Broker { get; }
    public NpgsqlDataSource DataSource => _host.Services.GetRequiredService<NpgsqlDataSource>();
    public OutboxRelay Relay => _host.Services.GetRequiredService<OutboxRelay>();
    public IBus Bus => _host.Services.GetRequiredService<IBus>();

    public static async Task<MessagingHost> StartAsync(TestDatabase? database = null, bool relay = true, string? broker = null,
        Action<IBusRegistrationConfigurator>? consumers = null)
    {
        database ??= await TestDatabase.CreateMigratedAsync("messaging", typeof(MessagingHost).Assembly);
        var brokerUri = new Uri(broker ?? await TestServers.RabbitMqAsync());
        var proxy = new TcpProxy(brokerUri.Host, brokerUri.Port);
        proxy.Start();

        var builder = Host.CreateApplicationBuilder();
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
        builder.AddDatabase("messaging");
        // A queue of its own per host: each test sees every SomethingHappened, and counts only its keys.
        builder.AddMessaging(QueuePrefix(database), consumers ?? (bus => bus.AddConsumer<RecordingConsumer>()));
        var host = builder.Build();
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
        _host.Dispose();
        await Broker.DisposeAsync();
    }
}
