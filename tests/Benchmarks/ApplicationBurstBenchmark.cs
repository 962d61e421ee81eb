using Cro.Recruitment.Features.Applications;
using Cro.Recruitment.Features.Rounds;
using Cro.ServiceDefaults;

namespace Cro.Benchmarks;

/// <summary>
/// The whole country applies at once: one application per JST of the TERC register (every kind but
/// województwa, 2,791), each with a team of 3–4, started and submitted concurrently through the gateway;
/// then the same requests sent straight to the recruitment service, in a round of their own. Both
/// services run on real loopback sockets (Kestrel), against the same PostgreSQL and RabbitMQ.
/// </summary>
public static class ApplicationBurstBenchmark
{
    public sealed record Result(string Path, int Applications, TimeSpan Elapsed, double P50Ms, double P99Ms, int Errors, string? FirstError)
    {
        public string Row() => $"| {Path} | {Applications} | {Elapsed.TotalSeconds:F1} s | {Applications / Elapsed.TotalSeconds:F0}/s | " +
            $"{P50Ms:F0} ms | {P99Ms:F0} ms | {Errors} |";
    }

    public static async Task<(Result Gateway, Result Direct)> RunAsync(int concurrency)
    {
        await using var servers = await ServiceBehindGateway<ScoringRules>.StartAsync("recruitment", "Recruitment", acceptTestTokens: false);
        var recruitment = servers.Service;

        var terc = await JstCodesAsync(recruitment.Database.OwnerConnectionString);
        var viaGateway = await BurstAsync("gateway → recruitment", servers.ThroughGateway, await OpenRoundAsync(recruitment.Database.OwnerConnectionString), terc, concurrency);
        var straight = await BurstAsync("recruitment directly", servers.Direct, await OpenRoundAsync(recruitment.Database.OwnerConnectionString), terc, concurrency);
        return (viaGateway, straight);
    }

    /// <summary>Against recruitment and the gateway running as processes of their own (<see cref="SystemUnderLoad"/>).</summary>
    internal static async Task<(Result Gateway, Result Direct)> RunAsync(SystemUnderLoad system, int concurrency)
    {
        var recruitment = system.Services["recruitment"];
        var owner = recruitment.Database.OwnerConnectionString;
        var terc = await JstCodesAsync(owner);
        var viaGateway = await BurstAsync("gateway → recruitment", system.Gateway.Address, await OpenRoundAsync(owner), terc, concurrency);
        var straight = await BurstAsync("recruitment directly", recruitment.Process.Address, await OpenRoundAsync(owner), terc, concurrency);
        return (viaGateway, straight);
    }

    private static async Task<Result> BurstAsync(string path, Uri address, Guid roundId, IReadOnlyList<string> tercs, int concurrency)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
        var latencies = new ConcurrentBag<double>();
        var errors = new ConcurrentQueue<string>();
        var stopwatch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(tercs.Select((terc, i) => (terc, i)), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (jst, ct) =>
        {
            var started = Stopwatch.StartNew();
            try
            {
                var form = Form(jst.terc, teamSize: 3 + jst.i % 2);
                using var start = await http.PostAsJsonAsync($"/api/recruitment/rounds/{roundId}/applications", form, ct);
                if (!start.IsSuccessStatusCode)
                {
                    errors.Enqueue($"start {jst.terc}: {(int)start.StatusCode} {await start.Content.ReadAsStringAsync(ct)}");
                    return;
                }
                var draft = (await start.Content.ReadFromJsonAsync<StartApplication.Started>(ct))!;
                using var submit = new HttpRequestMessage(HttpMethod.Post, $"/api/recruitment/applications/{draft.Application.Id}/submit");
                submit.Headers.Add(ApplicationKey.Header, draft.Key);
                using var submitted = await http.SendAsync(submit, ct);
                if (!submitted.IsSuccessStatusCode)
                {
                    errors.Enqueue($"submit {jst.terc}: {(int)submitted.StatusCode} {await submitted.Content.ReadAsStringAsync(ct)}");
                    return;
                }
                latencies.Add(started.Elapsed.TotalMilliseconds);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                errors.Enqueue($"{jst.terc}: {e.Message}");
            }
        });
        var elapsed = stopwatch.Elapsed;
        return new Result(path, tercs.Count, elapsed, Percentiles.Of(latencies, 0.5), Percentiles.Of(latencies, 0.99), errors.Count, errors.FirstOrDefault());
    }

    private static ApplicationForm Form(string terc, int teamSize) => new(terc,
        [.. Enumerable.Range(0, teamSize).Select(i => new TeamMemberInput($"Osoba {i} {terc}", $"osoba{i}.{terc}.{Guid.NewGuid():N}@jst.test",
            i == 0 ? "sekretarz" : "inspektor", null, i % 2 == 0 ? "woman" : "man", IsCoordinator: i == 0))],
        SchoolsRun: terc.Length, TookPartBefore: false, new Declarations(InformationClause.Version, true, true));

    private static async Task<IReadOnlyList<string>> JstCodesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        return [.. await connection.QueryAsync<string>("SELECT terc FROM jst WHERE kind <> 'voivodeship' ORDER BY terc")];
    }

    /// <summary>A round open now for every kind of JST but województwa, with room for all, created as its owner would.</summary>
    private static async Task<Guid> OpenRoundAsync(string connectionString)
    {
        var id = Guid.CreateVersion7();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.ExecuteAsync("""
            INSERT INTO rounds (id, name, opens_at, closes_at, capacity, eligible_kinds, created_at)
            VALUES (@id, 'Benchmark', now() - interval '1 day', now() + interval '1 day', 3000,
                    '{county,city-county,urban-municipality,rural-municipality,urban-rural-municipality}', now());
            INSERT INTO scoring_rules (round_id, version, rules, created_at) VALUES (@id, 1, @rules::jsonb, now());
            """, new { id, rules = System.Text.Json.JsonSerializer.Serialize(ScoringRules.Default, System.Text.Json.JsonSerializerOptions.Web) });
        return id;
    }
}
