using System.Collections.Concurrent;

namespace Cro.Faults.Tests;

/// <summary>
/// One test's publisher and consumers (FaultProbe processes) on the fault servers: the publisher's database and one per
/// consumer service (a, b), a virtual host of its own; the counts the tests check, read as the databases' owners.
/// Every process it started is killed when it is disposed.
/// </summary>
public sealed class ProbeSystem : IAsyncDisposable
{
    public const string A = "a";
    public const string B = "b";

    private readonly ConcurrentBag<ProbeProcess> _processes = [];
    private readonly Dictionary<string, TestDatabase> _consumers;

    private ProbeSystem(TestDatabase publisher, Dictionary<string, TestDatabase> consumers, string broker) =>
        (Publisher, _consumers, Broker) = (publisher, consumers, broker);

    public TestDatabase Publisher { get; }
    public string Broker { get; }

    public static async Task<ProbeSystem> CreateAsync(FaultServers servers, string purpose)
    {
        var publisher = TestDatabase.CreateAsync($"{purpose}_pub", servers.PostgresAdmin);
        var a = TestDatabase.CreateAsync($"{purpose}_a", servers.PostgresAdmin);
        var b = TestDatabase.CreateAsync($"{purpose}_b", servers.PostgresAdmin);
        var broker = servers.VirtualHostAsync(purpose);
        return new ProbeSystem(await publisher, new() { [A] = await a, [B] = await b }, await broker);
    }

    /// <summary>A publisher replica on a port of its own; returns it with a client for its API.</summary>
    public async Task<(ProbeProcess Process, HttpClient Client)> StartPublisherAsync()
    {
        var port = FreePorts.Next();
        var process = await StartAsync(["publisher", "--urls", $"http://127.0.0.1:{port}"], Publisher, new Dictionary<string, string>());
        return (process, new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) });
    }

    /// <summary>A replica of consumer service <paramref name="name"/> (its queue, its database).</summary>
    public Task<ProbeProcess> StartConsumerAsync(string name, TimeSpan? applyDelay = null) =>
        StartAsync(["consumer", name], _consumers[name], new Dictionary<string, string>
        {
            ["Probe:ApplyDelay"] = (applyDelay ?? TimeSpan.Zero).ToString("c"),
        });

    /// <summary>
    /// Declares the consumer services' queues and bindings without consuming (broker-setup's step), so events published
    /// before a consumer runs wait in its queue.
    /// </summary>
    public async Task DeployTopologyAsync(params string[] consumers)
    {
        await using var setup = await ProbeProcess.StartAsync(["topology", .. consumers],
            new Dictionary<string, string> { ["ConnectionStrings:rabbitmq"] = Broker });
    }

    private async Task<ProbeProcess> StartAsync(string[] arguments, TestDatabase database, Dictionary<string, string> settings)
    {
        settings["ConnectionStrings:probe"] = database.AppConnectionString;
        settings["ConnectionStrings:probe-migrator"] = database.OwnerConnectionString;
        settings["ConnectionStrings:rabbitmq"] = Broker;
        var process = await ProbeProcess.StartAsync(arguments, settings);
        _processes.Add(process);
        return process;
    }

    /// <summary>Writes <paramref name="count"/> items through <paramref name="publisher"/>, each with its event; their ids.</summary>
    public static async Task<IReadOnlyList<Guid>> WriteAsync(HttpClient publisher, int count)
    {
        using var response = await publisher.PostAsync($"/items?count={count}", null);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"A write answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<Guid[]>())!;
    }

    /// <summary>Writes <paramref name="total"/> items through <paramref name="publisher"/>, <paramref name="concurrency"/> requests at a time.</summary>
    public static async Task<IReadOnlyList<Guid>> WriteManyAsync(HttpClient publisher, int total, int perRequest = 50, int concurrency = 4)
    {
        var written = new ConcurrentBag<Guid>();
        await Parallel.ForEachAsync(Enumerable.Range(0, total / perRequest), new ParallelOptions { MaxDegreeOfParallelism = concurrency },
            async (_, _) =>
            {
                foreach (var id in await WriteAsync(publisher, perRequest))
                {
                    written.Add(id);
                }
            });
        return [.. written];
    }

    /// <summary>What consumer service <paramref name="name"/> has applied: rows, distinct items, inbox rows, replicas that applied.</summary>
    public async Task<Applied> AppliedAsync(string name)
    {
        await using var connection = new NpgsqlConnection(_consumers[name].OwnerConnectionString);
        return await connection.QuerySingleAsync<Applied>("""
            SELECT (SELECT count(*) FROM probe_applied) AS rows,
                   (SELECT count(DISTINCT item_id) FROM probe_applied) AS items,
                   (SELECT count(*) FROM inbox_messages) AS inbox,
                   (SELECT count(DISTINCT process_id) FROM probe_applied) AS processes
            """);
    }

    /// <summary>The items the consumer applied that the publisher never wrote (there must be none).</summary>
    public async Task<IReadOnlyList<Guid>> AppliedItemsAsync(string name)
    {
        await using var connection = new NpgsqlConnection(_consumers[name].OwnerConnectionString);
        return [.. await connection.QueryAsync<Guid>("SELECT DISTINCT item_id FROM probe_applied")];
    }

    /// <summary>The publisher's items and its outbox: rows written, events not yet confirmed by the broker.</summary>
    public async Task<Outbox> OutboxAsync()
    {
        await using var connection = new NpgsqlConnection(Publisher.OwnerConnectionString);
        return await connection.QuerySingleAsync<Outbox>("""
            SELECT (SELECT count(*) FROM probe_items) AS items,
                   (SELECT count(*) FROM outbox_messages) AS events,
                   (SELECT count(*) FROM outbox_messages WHERE published_at IS NULL) AS unpublished
            """);
    }

    /// <summary>
    /// Waits until each consumer service applied all <paramref name="items"/> and the outbox drained, then checks that
    /// nothing was lost (every item applied), nothing applied twice (one row and one inbox row per event) and nothing
    /// invented (no item the publisher did not write).
    /// </summary>
    public async Task AssertEachAppliedOnceAsync(IReadOnlyCollection<Guid> items, TimeSpan within, params string[] consumers)
    {
        foreach (var name in consumers)
        {
            var applied = await Eventually.GetAsync(() => AppliedAsync(name), a => a.Items >= items.Count, within,
                $"consumer {name} to apply {items.Count} events");
            // A duplicate still on its way would show within a moment: look again after the queue settles.
            await Task.Delay(TimeSpan.FromSeconds(1));
            applied = await AppliedAsync(name);
            Assert.Equal(new Applied(items.Count, items.Count, items.Count, applied.Processes), applied);
            Assert.Empty((await AppliedItemsAsync(name)).Except(items));
        }
        var outbox = await Eventually.GetAsync(OutboxAsync, o => o.Unpublished == 0, within, "the outbox to drain");
        Assert.Equal(new Outbox(items.Count, items.Count, 0), outbox);
    }

    public sealed record Applied(long Rows, long Items, long Inbox, long Processes);

    public sealed record Outbox(long Items, long Events, long Unpublished);

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }
    }
}
