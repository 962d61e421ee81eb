namespace Cro.Faults.Tests;

/// <summary>
/// A PostgreSQL cluster and a RabbitMQ node of the fault tests' own, which they stop, kill and restart; the shared test
/// servers (TestServers) other test projects use are never touched. One pair for the whole collection: its tests run one
/// after another, each on databases and a virtual host of its own.
/// </summary>
public sealed class FaultServers : IAsyncLifetime
{
    public ControlledServer Postgres { get; private set; } = null!;
    public string PostgresAdmin { get; private set; } = "";
    public ControlledServer RabbitMq { get; private set; } = null!;
    public string Broker { get; private set; } = "";
    public string BrokerManagement { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var postgres = ControlledServer.StartPostgresAsync();
        var rabbit = ControlledServer.StartRabbitMqAsync();
        (Postgres, PostgresAdmin) = await postgres;
        (RabbitMq, Broker, BrokerManagement) = await rabbit;
        Steps.Note("own PostgreSQL and RabbitMQ started");
    }

    /// <summary>A virtual host of its own for one test, so no queue or message of another test is seen.</summary>
    public Task<string> VirtualHostAsync(string purpose) => TestServers.VirtualHostAsync(Broker, BrokerManagement, purpose);

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(
            Postgres is null ? Task.CompletedTask : Postgres.DisposeAsync().AsTask(),
            RabbitMq is null ? Task.CompletedTask : RabbitMq.DisposeAsync().AsTask());
    }
}

/// <summary>The fault tests share the servers and take them down: they run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class FaultsCollection : ICollectionFixture<FaultServers>
{
    public const string Name = "Faults";
}
