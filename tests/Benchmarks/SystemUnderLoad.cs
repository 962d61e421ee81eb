namespace Cro.Benchmarks;

/// <summary>
/// The platform as a user meets it, for the benchmarks' table: each service named runs from its Release build in a process of
/// its own, on a fresh database (owner and application logins, as services/DatabaseSetup makes them) and a broker virtual
/// host of its own on the throwaway servers, configured by environment as the AppHost configures it (connection strings,
/// the token issuer); the gateway, also a process of its own, finds them by service discovery configuration
/// (<c>services__{name}__http__0</c>). Only the load generator and the token issuer's metadata stay in this process.
/// </summary>
internal sealed class SystemUnderLoad : IAsyncDisposable
{
    private readonly List<ServiceProcess> _processes = [];

    private SystemUnderLoad(TokenIssuer tokens, string logs) => (Tokens, Logs) = (tokens, logs);

    public TokenIssuer Tokens { get; }

    /// <summary>Where each process's console output goes.</summary>
    public string Logs { get; }

    public ServiceProcess Gateway { get; private set; } = null!;

    public IReadOnlyDictionary<string, Deployed> Services { get; private set; } = new Dictionary<string, Deployed>();

    /// <param name="Broker">The service's amqp:// URI (its own virtual host), for publishing the events it consumes.</param>
    public sealed record Deployed(ServiceProcess Process, TestDatabase Database, Uri Broker);

    /// <param name="services">Service name and its project folder, e.g. ("training", "services/Training").</param>
    public static async Task<SystemUnderLoad> StartAsync(params IReadOnlyList<(string Name, string Project)> services)
    {
        var logs = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"cro-benchmark-{DateTime.UtcNow:yyyyMMdd-HHmmss}")).FullName;
        var system = new SystemUnderLoad(await TokenIssuer.StartAsync(), logs);
        try
        {
            var deployed = new Dictionary<string, Deployed>();
            // One after another: each migrates its database and imports its registers on start, which would otherwise
            // compete for the two cores and take longer in all.
            foreach (var (name, project) in services)
            {
                var database = await TestDatabase.CreateAsync(name);
                var broker = await TestServers.RabbitMqVirtualHostAsync(name);
                var environment = new Dictionary<string, string>(system.Tokens.Environment)
                {
                    [$"ConnectionStrings__{name}"] = database.AppConnectionString,
                    [$"ConnectionStrings__{name}-migrator"] = database.OwnerConnectionString,
                    ["ConnectionStrings__rabbitmq"] = broker,
                };
                var process = await ServiceProcess.StartAsync(name, ServiceProcess.ReleaseDll(project), environment, logs);
                system._processes.Add(process);
                deployed[name] = new Deployed(process, database, new Uri(broker));
            }
            system.Services = deployed;
            var discovery = deployed.ToDictionary(s => $"services__{s.Key}__http__0", s => s.Value.Process.Address.ToString().TrimEnd('/'));
            system.Gateway = await ServiceProcess.StartAsync("gateway", ServiceProcess.ReleaseDll("gateway"), discovery, logs);
            system._processes.Add(system.Gateway);
            return system;
        }
        catch
        {
            await system.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in Enumerable.Reverse(_processes))
        {
            await process.DisposeAsync();
        }
        await Tokens.DisposeAsync();
    }
}
