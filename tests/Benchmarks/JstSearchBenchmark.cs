using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cro.Recruitment.Features.Registry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Cro.Benchmarks;

/// <summary>
/// The JST registry search (GET /api/recruitment/jst, the application form's picker) as fast as answers come from a fixed
/// number of connections (a closed loop: this measures capacity, requests per second), through the gateway, straight to
/// recruitment, and against a bare Kestrel JSON endpoint in a process of its own on the same machine that answers the same
/// addresses with the same pages, serialised per request from the same types (no database, no routing, no middleware):
/// the floor of HTTP and JSON on this machine. Driven by wrk where it is installed, else by this process.
/// </summary>
internal static partial class JstSearchBenchmark
{
    private const string SearchPath = "/api/recruitment/jst";

    private const string ChildArgument = "bare-kestrel";

    private const string AnswersVariable = "CRO_BENCHMARK_ANSWERS";

    /// <summary>What people type into the picker: name prefixes (with and without Polish letters), TERC prefixes, filters, a page.</summary>
    private static readonly string[] Searches =
    [
        "?q=war", "?q=krak", "?q=lodz", "?q=gdan", "?q=nowy", "?q=14", "?q=1465", "?kind=county", "?q=gmina&voivodeship=12",
        "?q=st&kind=rural-municipality", "", "?q=wroc&limit=10", "?q=biala", "?q=zab&voivodeship=24",
    ];

    public sealed record LoadResult(string Path, long Requests, TimeSpan Elapsed, double Throughput, double P50Ms, double P99Ms, long Errors, string Tool)
    {
        public string Row(LoadResult baseline) => $"| {Path} | {Requests:N0} | {Throughput:F0}/s | {Throughput / baseline.Throughput:F2} | {P50Ms:F1} ms | " +
            $"{P99Ms:F1} ms | {Errors} | {Tool} |";
    }

    public sealed record Result(LoadResult Bare, LoadResult Direct, LoadResult Gateway);

    internal static async Task<Result> RunAsync(SystemUnderLoad system, int connections, TimeSpan duration)
    {
        var recruitment = system.Services["recruitment"].Process.Address;
        // The service's pages, recorded once: the bare endpoint answers each address with the same page.
        using var http = new HttpClient { BaseAddress = recruitment };
        var answers = new Dictionary<string, JsonElement>();
        foreach (var search in Searches)
        {
            answers[new Uri(recruitment, SearchPath + search).PathAndQuery] = await http.GetFromJsonAsync<JsonElement>(SearchPath + search);
        }
        var answersFile = Path.Combine(system.Logs, "jst-search-answers.json");
        await File.WriteAllTextAsync(answersFile, JsonSerializer.Serialize(answers));
        await using var bare = await ServiceProcess.StartAsync("bare-kestrel", typeof(JstSearchBenchmark).Assembly.Location,
            new Dictionary<string, string> { [AnswersVariable] = answersFile, ["DOTNET_gcServer"] = "1" }, system.Logs, arguments: [ChildArgument]);

        var script = Path.Combine(system.Logs, "jst-search.lua");
        await File.WriteAllTextAsync(script, WrkScript());
        var wrk = FindWrk();
        var warmUp = TimeSpan.FromSeconds(5);
        async Task<LoadResult> MeasureAsync(string name, Uri address)
        {
            await LoadAsync(wrk, script, "warm-up", address, connections, warmUp);
            return await LoadAsync(wrk, script, name, address, connections, duration);
        }
        var baseline = await MeasureAsync("bare Kestrel JSON endpoint (own process)", bare.Address);
        var direct = await MeasureAsync("recruitment directly", recruitment);
        var gateway = await MeasureAsync("gateway → recruitment", system.Gateway.Address);
        return new Result(baseline, direct, gateway);
    }

    /// <summary>In the bare endpoint's own process: serve the recorded pages until killed.</summary>
    public static async Task<bool> TryRunChildAsync(string[] args)
    {
        if (args is not [ChildArgument])
        {
            return false;
        }
        var json = await File.ReadAllTextAsync(Environment.GetEnvironmentVariable(AnswersVariable)!);
        var answers = JsonSerializer.Deserialize<Dictionary<string, SearchJst.SearchJstResponse>>(json, JsonSerializerOptions.Web)!;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/health", () => "Healthy");
        app.MapGet(SearchPath, (HttpRequest request) => answers.TryGetValue(request.Path + request.QueryString, out var page)
            ? Results.Ok(page)
            : Results.NotFound());
        await app.RunAsync();
        return true;
    }

    private static string WrkScript()
    {
        var paths = string.Join(", ", Searches.Select(s => $"\"{SearchPath}{s}\""));
        return $$"""
            -- The JST searches in turn, each thread from its own start.
            local paths = { {{paths}} }
            local i = 0
            setup = function(thread) end
            init = function(args) i = math.random(#paths) end
            request = function()
              i = i % #paths + 1
              return wrk.format("GET", paths[i])
            end
            """;
    }

    private static string? FindWrk() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(folder => Path.Combine(folder, "wrk")).FirstOrDefault(File.Exists);

    private static async Task<LoadResult> LoadAsync(string? wrk, string script, string name, Uri address, int connections, TimeSpan duration) =>
        wrk is null ? await LoadInProcessAsync(name, address, connections, duration) : await LoadWithWrkAsync(wrk, script, name, address, connections, duration);

    private static async Task<LoadResult> LoadWithWrkAsync(string wrk, string script, string name, Uri address, int connections, TimeSpan duration)
    {
        // One thread: wrk shares the machine's two cores with what it measures, and one thread sends far more than either path answers.
        var start = new ProcessStartInfo(wrk) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-t1", $"-c{connections}", $"-d{(int)duration.TotalSeconds}s", "--latency", "--timeout", "10s", "-s", script,
                     address.ToString().TrimEnd('/') })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"wrk failed ({process.ExitCode}): {output}\n{errors}");
        }
        var requests = long.Parse(Requests().Match(output).Groups["n"].Value, CultureInfo.InvariantCulture);
        var seconds = Seconds(Requests().Match(output).Groups["time"].Value);
        var non2xx = NonSuccess().Match(output) is { Success: true } m ? long.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture) : 0;
        var socketErrors = SocketErrors().Match(output) is { Success: true } s
            ? new[] { "connect", "read", "write", "timeout" }.Sum(g => long.Parse(s.Groups[g].Value, CultureInfo.InvariantCulture))
            : 0;
        return new LoadResult(name, requests, TimeSpan.FromSeconds(seconds), requests / seconds, Percentile(output, "50") * 1000,
            Percentile(output, "99") * 1000, non2xx + socketErrors, $"wrk, {connections} connections");
    }

    /// <summary>A percentile of wrk's latency distribution, in seconds.</summary>
    private static double Percentile(string output, string percent) =>
        Seconds(Regex.Match(output, $@"^\s*{percent}%\s+(\S+)", RegexOptions.Multiline).Groups[1].Value);

    /// <summary>wrk's durations: 812.00us, 1.23ms, 2.01s, 1.00m.</summary>
    private static double Seconds(string value)
    {
        var match = Duration().Match(value);
        var number = double.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        return match.Groups["unit"].Value switch
        {
            "us" => number / 1_000_000,
            "ms" => number / 1000,
            "m" => number * 60,
            "h" => number * 3600,
            _ => number,
        };
    }

    [GeneratedRegex(@"(?<n>\d+) requests in (?<time>[\d.]+\w+),")]
    private static partial Regex Requests();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (?<n>\d+)")]
    private static partial Regex NonSuccess();

    [GeneratedRegex(@"Socket errors: connect (?<connect>\d+), read (?<read>\d+), write (?<write>\d+), timeout (?<timeout>\d+)")]
    private static partial Regex SocketErrors();

    [GeneratedRegex(@"^(?<n>[\d.]+)(?<unit>us|ms|s|m|h)$")]
    private static partial Regex Duration();

    /// <summary>Where wrk is not installed: the same closed loop from this process (which then shares the runtime's cost).</summary>
    private static async Task<LoadResult> LoadInProcessAsync(string name, Uri address, int connections, TimeSpan duration)
    {
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
        var latencies = new ConcurrentBag<double>();
        long errors = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(reader => Task.Run(async () =>
        {
            for (var i = reader; clock.Elapsed < duration; i++)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.GetAsync(SearchPath + Searches[i % Searches.Length]);
                    await response.Content.ReadAsByteArrayAsync();
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        })));
        var elapsed = clock.Elapsed;
        return new LoadResult(name, latencies.Count, elapsed, latencies.Count / elapsed.TotalSeconds, Percentiles.Of(latencies, 0.5),
            Percentiles.Of(latencies, 0.99), errors, $"this process, {connections} connections (no wrk)");
    }
}
