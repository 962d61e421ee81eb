using Cro.Benchmarks;

// Run by hand: tests/Benchmarks/run.sh. Figures are ratios against a baseline measured in the same
// run, on the same servers, so they compare across machines; absolute times are printed for context.
if (await SchoolsImportBenchmark.TryRunChildAsync(args) || await JstSearchBenchmark.TryRunChildAsync(args))
{
    return;
}

if (args is [] or ["all", ..])
{
    // Issue 19's table in one run, the services, the gateway and the load each in a process of their own:
    //   all [BURST-CONCURRENCY] [SEARCH-CONNECTIONS] [SEARCH-SECONDS]
    await IssueTable.RunAsync(args.Length > 1 ? int.Parse(args[1]) : 64, args.Length > 2 ? int.Parse(args[2]) : 32,
        TimeSpan.FromSeconds(args.Length > 3 ? int.Parse(args[3]) : 20));
    return;
}

if (args is ["schools-import", ..])
{
    // The schools register's import of the whole 2022 extract against a plain COPY of the same rows (issue 14: schools register).
    var importRuns = args.Length > 1 ? int.Parse(args[1]) : 5;
    var (copy, firstImport, reimport) = await SchoolsImportBenchmark.RunAsync(importRuns);
    Console.WriteLine($"Schools register import: the whole extract, {importRuns} runs of each (a process each, started cold), median reported.\n");
    Console.WriteLine("| measurement | rows read | elapsed | ÷ baseline | peak memory (RSS above the process's start) | ÷ baseline | allocated | outcome |");
    Console.WriteLine("|---|---|---|---|---|---|---|---|");
    Console.WriteLine(copy.Row(copy));
    Console.WriteLine(firstImport.Row(copy));
    Console.WriteLine(reimport.Row(copy));
    return;
}

if (args is ["diagnosis-picture", ..])
{
    // The largest JST's picture recomputed (issue 14: benchmark, second half): Warsaw's 1,043 schools, every questionnaire filled.
    var pictureRuns = args.Length > 1 ? int.Parse(args[1]) : 9;
    var (plain, picture, schools) = await DiagnosisPictureBenchmark.RunAsync(pictureRuns);
    Console.WriteLine($"JST picture of Warsaw ({DiagnosisPictureBenchmark.Warsaw}): {schools:N0} submitted schools, {pictureRuns} runs, median reported.\n");
    Console.WriteLine(SessionTimings.Header);
    Console.WriteLine(plain.Row(plain));
    Console.WriteLine(picture.Row(plain));
    return;
}

if (args is ["plan-reports", ..])
{
    // Every JST saves and submits its quarterly report on 15 actions within one minute, then ORE's plans overview over all of them (issue 15: monitoring).
    var overviewRuns = args.Length > 1 ? int.Parse(args[1]) : 9;
    var reports = await PlanReportsBenchmark.RunAsync(overviewRuns);
    var (viaGateway, direct) = (reports.Gateway, reports.Direct);
    Console.WriteLine($"Plan reports: {reports.Registry.ReadModel:N0} JST of monitoring's registry ({reports.Registry.Embedded:N0} in its TERC list), each with its plan " +
        $"adopted ({PlanReportsSeed.Actions} actions), seeded in {reports.Seeding.TotalSeconds:F0} s; each saves its first quarter's report and submits it, " +
        $"the JST arriving evenly over one minute ({reports.Registry.ReadModel / 60.0:F0} JST/s).\n");
    Console.WriteLine("| path | JST | reports submitted | elapsed | throughput | save p50 | save p99 | submit p50 | submit p99 | save + submit p99 | errors |");
    Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
    Console.WriteLine(viaGateway.Row());
    Console.WriteLine(direct.Row());
    Console.WriteLine($"\nGateway overhead (gateway ÷ direct): throughput {viaGateway.Throughput / direct.Throughput:F2}×, " +
        $"save p50 {viaGateway.SaveP50Ms / direct.SaveP50Ms:F2}×, save p99 {viaGateway.SaveP99Ms / direct.SaveP99Ms:F2}×, " +
        $"submit p50 {viaGateway.SubmitP50Ms / direct.SubmitP50Ms:F2}×, submit p99 {viaGateway.SubmitP99Ms / direct.SubmitP99Ms:F2}×.");
    foreach (var result in new[] { viaGateway, direct })
    {
        Console.WriteLine($"Slowest 1 % of requests ({result.Path}) sent {result.SlowestStarted.From:F1}–{result.SlowestStarted.To:F1} s into the burst " +
            $"(median {result.SlowestStarted.Median:F1} s).");
    }
    foreach (var result in new[] { viaGateway, direct }.Where(r => r.FirstError is not null))
    {
        Console.WriteLine($"First error ({result.Path}): {result.FirstError}");
    }
    var (baseline, overview) = (reports.Baseline, reports.Overview);
    Console.WriteLine($"\nORE's plans overview over every plan and report, {reports.Runs} runs, median reported.\n");
    Console.WriteLine(SessionTimings.Header);
    Console.WriteLine(baseline.Row(baseline));
    Console.WriteLine(overview.Row(baseline));
    foreach (var (name, ms) in new[] { ("GET /api/monitoring/plans-overview, straight to monitoring", reports.OverviewOverHttp.Direct),
                 ("GET /api/monitoring/plans-overview, through the gateway", reports.OverviewOverHttp.Gateway) })
    {
        Console.WriteLine($"| {name} | — | {ms:F1} ms | {ms / baseline.ElapsedMs:F2}× | — | — |");
    }
    return;
}

if (args is ["catalogue-search", ..])
{
    // Public catalogue search through the gateway with 2,000 published practices, against bare Kestrel (issue 16: publishing).
    var connections = args.Length > 1 ? int.Parse(args[1]) : 32;
    var seconds = args.Length > 2 ? int.Parse(args[2]) : 20;
    var search = await CatalogueSearchBenchmark.RunAsync(connections, TimeSpan.FromSeconds(seconds));
    Console.WriteLine($"Catalogue search: {CatalogueSearchBenchmark.Practices:N0} practices published through the review's API in {search.Seeding.TotalSeconds:F0} s; " +
        $"{connections} connections each sending the {search.Matches.Count} searches below in turn for {seconds} s per path (after 5 s of warm-up each).\n");
    Console.WriteLine("| search | practices found |");
    Console.WriteLine("|---|---|");
    foreach (var (words, total) in search.Matches)
    {
        Console.WriteLine($"| `{words}` | {total:N0} |");
    }
    Console.WriteLine("\n| path | requests | throughput | baseline ÷ path (throughput) | p50 | p99 | p99 ÷ baseline | errors |");
    Console.WriteLine("|---|---|---|---|---|---|---|---|");
    foreach (var result in new[] { search.Baseline, search.Direct, search.Gateway })
    {
        Console.WriteLine(result.Row(search.Baseline));
    }
    Console.WriteLine($"\nGateway overhead (gateway ÷ direct): throughput {search.Gateway.Throughput / search.Direct.Throughput:F2}×, " +
        $"p99 {search.Gateway.P99Ms / search.Direct.P99Ms:F2}×.");
    foreach (var result in new[] { search.Baseline, search.Direct, search.Gateway }.Where(r => r.FirstError is not null))
    {
        Console.WriteLine($"First error ({result.Path}): {result.FirstError}");
    }
    return;
}

if (args is ["conference-registrations", ..])
{
    // 5,000 registrations for a 600-place conference within one minute (issue 16: publishing).
    var (viaGateway, direct) = await ConferenceRegistrationBenchmark.RunAsync();
    Console.WriteLine("Conference registrations: 5,000 people arriving evenly over one minute, each from an address of their own, for a conference of " +
        "600 places: a place (to confirm by mail) or the waitlist. Counted in the database afterwards.\n");
    Console.WriteLine("| path | registrations | elapsed | throughput | p50 | p99 | answered place / waitlist | errors | places held (database) | " +
        "waitlisted (database) | overbooked | waitlist numbers missing or shared | addresses registered twice |");
    Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    Console.WriteLine(viaGateway.Row());
    Console.WriteLine(direct.Row());
    Console.WriteLine($"\nGateway overhead: p50 ratio {viaGateway.P50Ms / direct.P50Ms:F2}×, p99 ratio {viaGateway.P99Ms / direct.P99Ms:F2}× (gateway ÷ direct).");
    foreach (var result in new[] { viaGateway, direct }.Where(r => r.FirstError is not null))
    {
        Console.WriteLine($"First error ({result.Path}): {result.FirstError}");
    }
    return;
}

if (args is ["burst", ..])
{
    // Whole-country application burst through the gateway and straight to the service (issue: recruitment).
    var concurrency = args.Length > 1 ? int.Parse(args[1]) : 64;
    var (viaGateway, direct) = await ApplicationBurstBenchmark.RunAsync(concurrency);
    Console.WriteLine($"Application burst, concurrency {concurrency}: start + submit per JST, latency per application.\n");
    Console.WriteLine("| path | applications | elapsed | throughput | p50 | p99 | errors |");
    Console.WriteLine("|---|---|---|---|---|---|---|");
    Console.WriteLine(viaGateway.Row());
    Console.WriteLine(direct.Row());
    Console.WriteLine($"\nGateway overhead: throughput ratio {direct.Elapsed / viaGateway.Elapsed:F2}× (gateway ÷ direct), p99 ratio {viaGateway.P99Ms / direct.P99Ms:F2}×.");
    foreach (var result in new[] { viaGateway, direct }.Where(r => r.FirstError is not null))
    {
        Console.WriteLine($"First error ({result.Path}): {result.FirstError}");
    }
    return;
}

if (args is ["post-test", ..])
{
    // 1,200 participants submit a 20-question post-test within one minute (issue: training).
    var (viaGateway, direct) = await PostTestBurstBenchmark.RunAsync();
    Console.WriteLine("Post-test burst: 1,200 participants arriving evenly over one minute; each starts, answers 20 questions one by one, finishes.\n");
    Console.WriteLine("| path | participants | requests | elapsed | throughput | request p50 | request p99 | submission p99 | errors |");
    Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
    Console.WriteLine(viaGateway.Row());
    Console.WriteLine(direct.Row());
    Console.WriteLine($"\nGateway overhead: request p50 ratio {viaGateway.RequestP50Ms / direct.RequestP50Ms:F2}×, request p99 ratio {viaGateway.RequestP99Ms / direct.RequestP99Ms:F2}×.");
    foreach (var result in new[] { viaGateway, direct }.Where(r => r.FirstError is not null))
    {
        Console.WriteLine($"First error ({result.Path}): {result.FirstError}");
    }
    return;
}

if (args is ["advisory-bookings", ..])
{
    // 300 JST teams book meetings with 20 advisors within one minute, competing for the same slots (issue 13: advisory).
    var (viaGateway, direct) = await AdvisoryBookingBenchmark.RunAsync();
    Console.WriteLine("Advisory bookings: 300 teams arriving in a shuffled order over 50 s, 15 per advisor; each reads its advisor's free slots, " +
        "thinks 2–8 s, books one of the first three; a slot taken meanwhile (409) sends it back to the slots.\n");
    Console.WriteLine("| path | teams | meetings in the database | requests | elapsed | throughput | request p50 | request p99 | booking p50 | booking p99 | 409s retried | errors | double bookings |");
    Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    Console.WriteLine(viaGateway.Row());
    Console.WriteLine(direct.Row());
    Console.WriteLine($"\nGateway overhead: throughput ratio {viaGateway.Throughput / direct.Throughput:F2}× (gateway ÷ direct), " +
        $"request p50 ratio {viaGateway.RequestP50Ms / direct.RequestP50Ms:F2}×, request p99 ratio {viaGateway.RequestP99Ms / direct.RequestP99Ms:F2}×, " +
        $"booking p50 ratio {viaGateway.BookingP50Ms / direct.BookingP50Ms:F2}×, booking p99 ratio {viaGateway.BookingP99Ms / direct.BookingP99Ms:F2}×.");
    Console.WriteLine("Booking latency: the time a team spent in requests (slot reads and booking attempts) until its meeting was booked, thinking left out. " +
        "409s by the constraint: two bookings passed the service's check at once and the database's exclusion constraint refused the second.");
    foreach (var result in new[] { viaGateway, direct }.Where(r => r.FirstError is not null))
    {
        Console.WriteLine($"First error ({result.Path}): {result.FirstError}");
    }
    return;
}

// registry-relay [RUNS], or a number alone (as before the table became the default).
var runs = args switch { ["registry-relay", var n, ..] => int.Parse(n), ["registry-relay"] => 5, [var n, ..] => int.Parse(n), _ => 5 };
Console.WriteLine($"CRO benchmarks, {runs} runs each, median reported.\n");

var import = await RegistryImportBenchmark.RunAsync(runs);
var relay = await OutboxRelayBenchmark.RunAsync(runs);

Console.WriteLine("| measurement | median | baseline (same run) | ratio |");
Console.WriteLine("|---|---|---|---|");
Console.WriteLine(import.Row());
Console.WriteLine(relay.Row());
