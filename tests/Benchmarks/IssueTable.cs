using System.Globalization;

namespace Cro.Benchmarks;

/// <summary>
/// The table of issue 19 in one run, as a user meets the system (<see cref="SystemUnderLoad"/>: Release builds, training,
/// recruitment and the gateway each a process of its own, the load from this one): the post-test burst, the application
/// burst and the JST search, each figure beside its baseline measured in the same run (the same load straight to the
/// service; for the search also a bare Kestrel JSON endpoint), their ratio, and the issue's target, met or not.
/// </summary>
internal static class IssueTable
{
    private sealed record Row(string Figure, string Measured, string Baseline, string Ratio, string Target, bool? Met);

    public static async Task RunAsync(int burstConcurrency, int searchConnections, TimeSpan searchDuration)
    {
        var load = Load();
        var clock = Stopwatch.StartNew();
        Console.WriteLine($"Starting training, recruitment and the gateway from their Release builds, each a process of its own ({Environment.ProcessorCount} cores, load average {load}) …");
        await using var system = await SystemUnderLoad.StartAsync(("training", "services/Training"), ("recruitment", "services/Recruitment"));
        Console.WriteLine($"Started in {clock.Elapsed.TotalSeconds:F0} s; the processes' logs are in {system.Logs}.\n");

        var cpuBefore = CpuTimes(system);
        var (postGateway, postDirect) = await PostTestBurstBenchmark.RunAsync(system);
        Console.WriteLine("Post-test burst: 1,200 participants planned evenly over one minute (open loop); each starts, answers 20 questions one by one, finishes.\n");
        Console.WriteLine("| path | participants | requests | elapsed | throughput | request p50 | request p99 | submission p99 | errors |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        Console.WriteLine(postGateway.Row());
        Console.WriteLine(postDirect.Row());
        FirstErrors(("post-test, gateway", postGateway.FirstError), ("post-test, direct", postDirect.FirstError));

        var (burstGateway, burstDirect) = await ApplicationBurstBenchmark.RunAsync(system, burstConcurrency);
        Console.WriteLine($"\nApplication burst: every JST of the register starts and submits its application, {burstConcurrency} at a time.\n");
        Console.WriteLine("| path | applications | elapsed | throughput | p50 | p99 | errors |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        Console.WriteLine(burstGateway.Row());
        Console.WriteLine(burstDirect.Row());
        FirstErrors(("burst, gateway", burstGateway.FirstError), ("burst, direct", burstDirect.FirstError));

        var search = await JstSearchBenchmark.RunAsync(system, searchConnections, searchDuration);
        Console.WriteLine($"\nJST search (GET /api/recruitment/jst, 14 searches in turn), {searchDuration.TotalSeconds:F0} s per path after 5 s of warm-up.\n");
        Console.WriteLine("| path | requests | throughput | ÷ bare Kestrel | p50 | p99 | errors | driven by |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var result in new[] { search.Bare, search.Direct, search.Gateway })
        {
            Console.WriteLine(result.Row(search.Bare));
        }

        var cpuAfter = CpuTimes(system);
        Console.WriteLine("\nCPU time each process used during the measurements (of the machine's " +
            $"{Environment.ProcessorCount} cores): " + string.Join(", ", cpuAfter.Select(p => $"{p.Key} {(p.Value - cpuBefore[p.Key]).TotalSeconds:F0} s")) + ".");

        Row[] rows =
        [
            new("Post-test: errors through the gateway", $"{postGateway.Errors}", $"{postDirect.Errors} direct", "—", "0", postGateway.Errors == 0),
            new("Post-test: request p99 through the gateway", Ms(postGateway.RequestP99Ms), $"{Ms(postDirect.RequestP99Ms)} direct",
                Ratio(postGateway.RequestP99Ms, postDirect.RequestP99Ms), "< 100 ms", postGateway.RequestP99Ms < 100),
            new("Post-test: submission p99 through the gateway", Ms(postGateway.SubmissionP99Ms), $"{Ms(postDirect.SubmissionP99Ms)} direct",
                Ratio(postGateway.SubmissionP99Ms, postDirect.SubmissionP99Ms), "< 1 s", postGateway.SubmissionP99Ms < 1000),
            new($"Burst: {burstGateway.Applications:N0} applications (every JST of the register), all done, through the gateway", $"{burstGateway.Elapsed.TotalSeconds:F1} s",
                $"{burstDirect.Elapsed.TotalSeconds:F1} s direct", Ratio(burstGateway.Elapsed.TotalSeconds, burstDirect.Elapsed.TotalSeconds), "< 20 s",
                burstGateway.Elapsed < TimeSpan.FromSeconds(20) && burstGateway.Errors == 0),
            new("Burst: p99 per application through the gateway", Ms(burstGateway.P99Ms), $"{Ms(burstDirect.P99Ms)} direct",
                Ratio(burstGateway.P99Ms, burstDirect.P99Ms), "< 250 ms", burstGateway.P99Ms < 250),
            new("Burst: errors through the gateway", $"{burstGateway.Errors}", $"{burstDirect.Errors} direct", "—", "0", burstGateway.Errors == 0),
            new("JST search: throughput through the gateway ÷ direct", $"{search.Gateway.Throughput:F0}/s", $"{search.Direct.Throughput:F0}/s direct",
                Ratio(search.Gateway.Throughput, search.Direct.Throughput), "≥ 0.75", search.Gateway.Throughput / search.Direct.Throughput >= 0.75),
            new("JST search: throughput direct ÷ bare Kestrel JSON", $"{search.Direct.Throughput:F0}/s", $"{search.Bare.Throughput:F0}/s bare",
                Ratio(search.Direct.Throughput, search.Bare.Throughput), "≥ 0.10", search.Direct.Throughput / search.Bare.Throughput >= 0.10),
            new("JST search: errors (bare / direct / gateway)", $"{search.Gateway.Errors}",
                $"{search.Bare.Errors} / {search.Direct.Errors}", "—", "0", search.Gateway.Errors + search.Direct.Errors + search.Bare.Errors == 0),
        ];
        Console.WriteLine($"\n## Issue 19's table, measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC in {clock.Elapsed.TotalMinutes:F0} min " +
            $"({Environment.ProcessorCount} cores; load average {load} before, {Load()} after)\n");
        Console.WriteLine("| figure | measured | baseline (same run) | ratio | target | met |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var row in rows)
        {
            Console.WriteLine($"| {row.Figure} | {row.Measured} | {row.Baseline} | {row.Ratio} | {row.Target} | {(row.Met is true ? "met" : "not met")} |");
        }
    }

    private static string Ms(double ms) => ms >= 1000 ? $"{ms / 1000:F2} s" : $"{ms:F0} ms";

    private static string Ratio(double value, double baseline) => (value / baseline).ToString("F2", CultureInfo.InvariantCulture) + "×";

    private static void FirstErrors(params (string Path, string? Error)[] errors)
    {
        foreach (var (path, error) in errors.Where(e => e.Error is not null))
        {
            Console.WriteLine($"First error ({path}): {error}");
        }
    }

    private static Dictionary<string, TimeSpan> CpuTimes(SystemUnderLoad system)
    {
        var times = system.Services.ToDictionary(s => s.Key, s => s.Value.Process.CpuTime);
        times["gateway"] = system.Gateway.CpuTime;
        using var self = Process.GetCurrentProcess();
        times["load generator"] = self.TotalProcessorTime;
        return times;
    }

    /// <summary>The machine's 1-minute load average: other work on it makes every figure noisier (the ratios less so).</summary>
    private static string Load()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
