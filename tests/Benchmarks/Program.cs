using Cro.Benchmarks;

// Run by hand: tests/Benchmarks/run.sh. Figures are ratios against a baseline measured in the same
// run, on the same servers, so they compare across machines; absolute times are printed for context.
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

var runs = args.Length > 0 ? int.Parse(args[0]) : 5;
Console.WriteLine($"CRO benchmarks, {runs} runs each, median reported.\n");

var import = await RegistryImportBenchmark.RunAsync(runs);
var relay = await OutboxRelayBenchmark.RunAsync(runs);

Console.WriteLine("| measurement | median | baseline (same run) | ratio |");
Console.WriteLine("|---|---|---|---|");
Console.WriteLine(import.Row());
Console.WriteLine(relay.Row());
