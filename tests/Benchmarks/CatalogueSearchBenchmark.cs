using System.Net;
using Cro.Publishing.Features.Conferences;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Cro.Benchmarks;

/// <summary>
/// The public catalogue's search (issue 16) over 2,000 published practices: readers send a mix of searches (Polish words
/// inflected and without diacritics, facets, later pages, none) as fast as answers come, from a fixed number of
/// connections (a closed loop, as wrk runs), through the gateway and straight to the publishing service; the baseline is
/// bare Kestrel on the same machine answering the same addresses with the very bytes the service answered (no database,
/// no routing, no search), so the ratios say what the search and the gateway cost above HTTP itself.
/// </summary>
public static class CatalogueSearchBenchmark
{
    public const int Practices = 2_000;

    /// <summary>What a reader asks for: each a page of the catalogue's web page would send.</summary>
    private static readonly string[] Searches =
    [
        "", "?q=szkoły", "?q=wykluczenia", "?q=swiatlowod", "?q=kompetencje%20nauczycieli", "?q=laptopy&topic=exclusion",
        "?topic=infrastructure&costRange=50k-200k", "?kind=rural-municipality&voivodeship=12", "?q=cyberbezpieczenstwo&year=" + DateTime.UtcNow.Year,
        "?q=%22e-dziennik%22", "?page=3", "?q=robotyka&kind=urban-municipality", "?q=seniorzy%20biblioteki", "?q=dofinansowanie%20unijne&costRange=over-200k",
    ];

    private const string SearchPath = "/api/publishing/catalogue/practices";

    /// <param name="Matches">How many practices each search finds (the same on every path), so a reader sees the searches were real.</param>
    public sealed record Result(TimeSpan Seeding, IReadOnlyList<(string Search, int Total)> Matches, LoadResult Baseline, LoadResult Direct, LoadResult Gateway);

    public sealed record LoadResult(string Path, int Requests, TimeSpan Elapsed, double P50Ms, double P99Ms, int Errors, string? FirstError)
    {
        public double Throughput => Requests / Elapsed.TotalSeconds;

        public string Row(LoadResult baseline) => $"| {Path} | {Requests:N0} | {Throughput:F0}/s | {baseline.Throughput / Throughput:F2}× | {P50Ms:F1} ms | " +
            $"{P99Ms:F1} ms | {P99Ms / baseline.P99Ms:F2}× | {Errors} |";
    }

    public static async Task<Result> RunAsync(int connections, TimeSpan duration)
    {
        await using var servers = await ServiceBehindGateway<ConferenceRow>.StartAsync("publishing", "Publishing", acceptTestTokens: true);
        var seeding = await CatalogueSeed.PublishAsync(servers.Direct, servers.Service.Database.OwnerConnectionString, Practices);

        // The service's answers, recorded once; the baseline replays them byte for byte.
        using var http = new HttpClient { BaseAddress = servers.Direct };
        var answers = new Dictionary<string, byte[]>();
        var matches = new List<(string, int)>();
        foreach (var search in Searches)
        {
            var address = new Uri(servers.Direct, SearchPath + search);
            var body = await http.GetByteArrayAsync(address);
            // Keyed as the request arrives: its path and query percent-encoded.
            answers[address.PathAndQuery] = body;
            matches.Add((search.Length == 0 ? "(all, newest first)" : Uri.UnescapeDataString(search), System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("total").GetInt32()));
        }
        await using var bare = await BareKestrelAsync(answers);
        var bareAddress = new Uri(bare.Urls.First());

        // Each path warmed for a few seconds first (JIT, connection pools, the database's caches), then measured.
        var warmUp = TimeSpan.FromSeconds(5);
        foreach (var address in new[] { bareAddress, servers.Direct, servers.ThroughGateway })
        {
            await LoadAsync("warm-up", address, connections, warmUp);
        }
        var baseline = await LoadAsync("bare Kestrel, the same answers replayed", bareAddress, connections, duration);
        var direct = await LoadAsync("publishing directly", servers.Direct, connections, duration);
        var gateway = await LoadAsync("gateway → publishing", servers.ThroughGateway, connections, duration);
        return new Result(seeding, matches, baseline, direct, gateway);
    }

    /// <summary>Kestrel with one endpoint that answers each recorded address with its recorded bytes.</summary>
    private static async Task<WebApplication> BareKestrelAsync(IReadOnlyDictionary<string, byte[]> answers)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet(SearchPath, (HttpRequest request) => answers.TryGetValue(request.Path + request.QueryString, out var body)
            ? Results.Bytes(body, "application/json; charset=utf-8")
            : Results.NotFound());
        await app.StartAsync();
        return app;
    }

    /// <summary><paramref name="connections"/> readers, each sending the searches in turn (from a different start) until the time is up.</summary>
    private static async Task<LoadResult> LoadAsync(string path, Uri address, int connections, TimeSpan duration)
    {
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = address, Timeout = TimeSpan.FromSeconds(30),
        };
        var latencies = new ConcurrentBag<double>();
        var errors = new ConcurrentQueue<string>();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(reader => Task.Run(async () =>
        {
            for (var i = reader; clock.Elapsed < duration; i++)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.GetAsync(SearchPath + Searches[i % Searches.Length], HttpCompletionOption.ResponseContentRead);
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        errors.Enqueue($"{(int)response.StatusCode} {Searches[i % Searches.Length]}");
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    errors.Enqueue(e.Message);
                }
            }
        })));
        return new LoadResult(path, latencies.Count, clock.Elapsed, Percentiles.Of(latencies, 0.5), Percentiles.Of(latencies, 0.99), errors.Count,
            errors.FirstOrDefault());
    }
}
