using Cro.BuildingBlocks.Messaging;
using Cro.BuildingBlocks.Persistence;
using Cro.Recruitment.Features.Registry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Cro.Benchmarks;

/// <summary>
/// The relay publishing the registry's ~2,800 JstRegistered events (claim with SKIP LOCKED, publish with
/// broker confirmation, mark published), against a baseline of the same events published straight
/// from memory with the same concurrency: the ratio is what the outbox's guarantee costs.
/// </summary>
public static class OutboxRelayBenchmark
{
    public static async Task<Measurement> RunAsync(int runs)
    {
        var units = TercRegister.ReadEmbedded();
        var broker = await TestServers.RabbitMqVirtualHostAsync("bench");
        var relayed = await Measurement.MedianAsync(runs, async () => await StartAsync(broker, units), async host =>
        {
            var relay = host.Services.GetRequiredService<OutboxRelay>();
            while (await relay.RelayBatchAsync(CancellationToken.None) > 0)
            {
            }
        });

        var events = units.Select(u => new JstRegistered
        {
            Terc = u.Terc, Name = u.Name, Kind = u.Kind, VoivodeshipTerc = u.VoivodeshipTerc,
            CountyTerc = u.CountyTerc, RegisteredAt = DateTimeOffset.UtcNow,
        }).ToArray();
        var direct = await Measurement.MedianAsync(runs, async () => await StartAsync(broker, []), async host =>
        {
            var bus = host.Services.GetRequiredService<IBus>();
            foreach (var batch in events.Chunk(new OutboxRelayOptions().BatchSize))
            {
                await Task.WhenAll(batch.Select(e => bus.Publish(e)));
            }
        });
        return new Measurement("outbox relay, publish confirmed + marked", relayed, "direct publish", direct, units.Count);
    }

    /// <summary>A host with the bus started and the relay stopped, on a fresh database holding the import's events.</summary>
    private static async Task<HostHandle> StartAsync(string broker, IReadOnlyList<TercUnit> units)
    {
        var database = await TestDatabase.CreateMigratedAsync("bench_relay", typeof(ImportRegistry).Assembly);
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:bench"] = database.AppConnectionString,
            ["ConnectionStrings:rabbitmq"] = broker,
            ["Outbox:RelayEnabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.AddDatabase("bench");
        builder.AddMessaging("bench");
        var host = builder.Build();
        await host.StartAsync();
        if (units.Count > 0)
        {
            await ImportRegistry.ImportAsync(host.Services.GetRequiredService<NpgsqlDataSource>(), units);
        }
        return new HostHandle(host);
    }

    private sealed class HostHandle(IHost host) : IAsyncDisposable
    {
        public IServiceProvider Services => host.Services;

        public async ValueTask DisposeAsync()
        {
            await host.StopAsync();
            host.Dispose();
        }
    }
}
