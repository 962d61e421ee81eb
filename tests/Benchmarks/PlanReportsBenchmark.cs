using System.Net.Http.Headers;
using Cro.Monitoring.Features.PlansOversight;
using Cro.Monitoring.Features.Reports;
using Cro.Monitoring.Features.Schools;
using Cro.ServiceDefaults.Security;

namespace Cro.Benchmarks;

/// <summary>
/// Implementation reports of the whole country (issue 15): every JST of monitoring's registry, its plan adopted with 15
/// actions, saves its first quarter's report (an entry per action and a value per goal) and submits it, the JST arriving
/// at an even rate so that all of them do within one minute (an hour's burst compressed to a minute; an open load, as
/// people arrive, not a closed loop that slows down with the service). First through the gateway, then the same load
/// straight to the monitoring service, on the same servers; between the two the reports are put back to the drafts they
/// were. Then ORE's plans overview over all those plans and reports, in this process (<see cref="PlansOverview.BuildAsync"/>)
/// and through its endpoint, against a baseline of a plain SELECT of the rows it covers.
/// </summary>
public static class PlanReportsBenchmark
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(5);

    /// <param name="SaveP50Ms">Latencies of the save (PUT …/content) and of the submission (POST …/submit); ReportP99Ms of both together, each JST's.</param>
    /// <param name="Submitted">Period-1 reports found submitted in the database afterwards.</param>
    /// <param name="SlowestStarted">When the slowest 1 % of requests (saves and submissions) were sent, in seconds from the burst's start: a
    /// narrow range is one stall (the machine's other work, a pause), a wide one the service's steady cost.</param>
    public sealed record BurstResult(string Path, int Jst, int Submitted, TimeSpan Elapsed, double SaveP50Ms, double SaveP99Ms, double SubmitP50Ms,
        double SubmitP99Ms, double ReportP99Ms, int Errors, string? FirstError, (double From, double Median, double To) SlowestStarted)
    {
        public double Throughput => Submitted / Elapsed.TotalSeconds;

        public string Row() => $"| {Path} | {Jst:N0} | {Submitted:N0} | {Elapsed.TotalSeconds:F1} s | {Throughput:F1}/s | {SaveP50Ms:F0} ms | {SaveP99Ms:F0} ms | " +
            $"{SubmitP50Ms:F0} ms | {SubmitP99Ms:F0} ms | {ReportP99Ms:F0} ms | {Errors} |";
    }

    /// <param name="Registry">JST in monitoring's registry (the jst read model) and in its embedded TERC list.</param>
    /// <param name="OverviewOverHttp">The endpoint's medians, direct and through the gateway, in milliseconds.</param>
    public sealed record Result((int ReadModel, int Embedded) Registry, TimeSpan Seeding, BurstResult Gateway, BurstResult Direct,
        SessionTimings.Result Baseline, SessionTimings.Result Overview, (double Direct, double Gateway) OverviewOverHttp, int Runs);

    public static async Task<Result> RunAsync(int runs)
    {
        await using var servers = await ServiceBehindGateway<ReportView>.StartAsync("monitoring", "Monitoring", acceptTestTokens: true);
        var monitoring = servers.Service;
        var owner = monitoring.Database.OwnerConnectionString;

        var seeding = Stopwatch.StartNew();
        var jst = await PlanReportsSeed.SeedAsync(monitoring.Services, owner);
        seeding.Stop();
        var reports = jst.ToDictionary(j => j.Terc, j => FirstQuarterReport.For(j.Plan));

        // The first seconds of the burst, at its rate, warm JIT, the thread pool, the database's and the gateway's connection
        // pools; those JST's reports are then put back with the others', so neither path measured pays for starting cold.
        await BurstAsync("warm-up", servers.ThroughGateway, jst.Take((int)(jst.Count * (WarmUp / Window))).ToList(), reports, owner, WarmUp);
        await ResetAsync(owner);
        var viaGateway = await BurstAsync("gateway → monitoring", servers.ThroughGateway, jst, reports, owner, Window);
        await ResetAsync(owner);
        var straight = await BurstAsync("monitoring directly", servers.Direct, jst, reports, owner, Window);

        var (baseline, overview) = await OverviewInProcessAsync(monitoring.Services.GetRequiredService<NpgsqlDataSource>(), runs);
        var operatorToken = TestTokens.Person(Guid.CreateVersion7(), [Roles.Operator], email: "operator@ore.example.pl", name: "Operator ORE");
        var overHttp = (await OverviewOverHttpAsync(servers.Direct, operatorToken, runs), await OverviewOverHttpAsync(servers.ThroughGateway, operatorToken, runs));
        return new Result((jst.Count, JstRegister.All.Count), seeding.Elapsed, viaGateway, straight, baseline, overview, overHttp, runs);
    }

    private static async Task<BurstResult> BurstAsync(string path, Uri address, IReadOnlyList<SeededJst> jst, IReadOnlyDictionary<string, ReportContent> reports,
        string ownerConnectionString, TimeSpan window)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = address, Timeout = TimeSpan.FromMinutes(2),
        };
        // Minted before the clock starts: signing is the identity service's work, not this burst's.
        var tokens = jst.Select(j => TestTokens.Person(Guid.CreateVersion7(), [Roles.JstCoordinator], jst: j.Terc, email: $"koordynator@{j.Terc}.jst.example.pl",
            name: $"Koordynator {j.Terc}")).ToArray();
        var saves = new ConcurrentBag<double>();
        var submits = new ConcurrentBag<double>();
        var wholeReports = new ConcurrentBag<double>();
        var requests = new ConcurrentBag<(double StartedS, double Ms)>();
        var errors = new ConcurrentQueue<string>();
        var clock = Stopwatch.StartNew();

        async Task<bool> TimedAsync(HttpRequestMessage request, string token, ConcurrentBag<double> latencies)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var (startedS, started) = (clock.Elapsed.TotalSeconds, Stopwatch.GetTimestamp());
            using var response = await http.SendAsync(request);
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            latencies.Add(ms);
            requests.Add((startedS, ms));
            if (!response.IsSuccessStatusCode)
            {
                errors.Enqueue($"{request.Method} {request.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
            return response.IsSuccessStatusCode;
        }

        await Task.WhenAll(jst.Select(async (team, i) =>
        {
            await Task.Delay(window * i / jst.Count);
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var save = new HttpRequestMessage(HttpMethod.Put, $"/api/monitoring/reports/{team.ReportId}/content?revision=1")
                {
                    Content = JsonContent.Create(reports[team.Terc]),
                };
                if (!await TimedAsync(save, tokens[i], saves))
                {
                    return;
                }
                using var submit = new HttpRequestMessage(HttpMethod.Post, $"/api/monitoring/reports/{team.ReportId}/submit");
                if (await TimedAsync(submit, tokens[i], submits))
                {
                    wholeReports.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                errors.Enqueue($"{team.Terc}: {e.Message}");
            }
        }));
        var elapsed = clock.Elapsed;
        var slowest = requests.OrderByDescending(r => r.Ms).Take(Math.Max(1, requests.Count / 100)).Select(r => r.StartedS).Order().ToList();

        await using var connection = new NpgsqlConnection(ownerConnectionString);
        var submitted = await connection.ExecuteScalarAsync<int>(
            "SELECT count(*)::int FROM reports WHERE number = 1 AND status = 'submitted' AND id = ANY (@ids)", new { ids = jst.Select(j => j.ReportId).ToArray() });
        return new BurstResult(path, jst.Count, submitted, elapsed, Percentiles.Of(saves, 0.5), Percentiles.Of(saves, 0.99), Percentiles.Of(submits, 0.5),
            Percentiles.Of(submits, 0.99), Percentiles.Of(wholeReports, 0.99), errors.Count, errors.FirstOrDefault(),
            slowest.Count == 0 ? (double.NaN, double.NaN, double.NaN) : (slowest[0], slowest[slowest.Count / 2], slowest[^1]));
    }

    /// <summary>
    /// Every first-period report back to the empty draft the adoption made, its history gone, and the tables vacuumed, so
    /// that the next burst meets what the first one met. Run as the owner: the application may not delete history.
    /// </summary>
    private static async Task ResetAsync(string ownerConnectionString)
    {
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.ExecuteAsync("""
            UPDATE reports SET status = 'draft', content = @empty::jsonb, revision = 1, round = 0, plan_version = NULL, updated_by = NULL, updated_at = NULL,
                               first_submitted_at = NULL, submitted_at = NULL, submitted_by = NULL
            WHERE number = 1 AND revision > 1;
            DELETE FROM report_history;
            """, new { empty = ReportJson.Of(ReportContent.Empty) });
        await connection.ExecuteAsync("VACUUM ANALYZE reports, report_history");
    }

    /// <summary>
    /// The overview as ORE's dashboard computes it, against a plain SELECT of what it covers: the content of every adopted
    /// plan version and every report (its period, state and content), read into lists.
    /// </summary>
    private static async Task<(SessionTimings.Result Baseline, SessionTimings.Result Overview)> OverviewInProcessAsync(NpgsqlDataSource db, int runs)
    {
        var timings = await SessionTimings.MedianAsync(db, JstScope.All, runs,
            ("plain SELECT of the adopted versions' content and every report (baseline)", async session =>
            {
                using var rows = await session.QueryMultipleAsync("""
                    SELECT plan_id, jst_terc, number, adopted_on, content::text FROM plan_versions WHERE status = 'adopted';
                    SELECT plan_id, jst_terc, number, status, ends_on, due_at, first_submitted_at, plan_version, content::text FROM reports;
                    """);
                var versions = (await rows.ReadAsync<(Guid, string, int, DateOnly?, string)>()).ToList();
                var periods = (await rows.ReadAsync<(Guid, string, int, string, DateOnly, DateTimeOffset, DateTimeOffset?, int?, string)>()).ToList();
                return versions.Count + periods.Count;
            }),
            ("PlansOverview.BuildAsync (JST in it)", async session => (await PlansOverview.BuildAsync(session, DateTimeOffset.UtcNow)).Jst));
        return (timings[0], timings[1]);
    }

    /// <summary>The endpoint's median time to the whole response, as ORE's dashboard asks for it.</summary>
    private static async Task<double> OverviewOverHttpAsync(Uri address, string operatorToken, int runs)
    {
        using var client = BearerClient.For(address, operatorToken);
        var median = await Measurement.MedianAsync(runs, () => Task.FromResult(client), async c =>
        {
            using var response = await c.GetAsync("/api/monitoring/plans-overview");
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
        });
        return median.TotalMilliseconds;
    }
}
