using Cro.BuildingBlocks.Persistence;
using Cro.ServiceDefaults.Security;

namespace Cro.Benchmarks;

/// <summary>
/// Reads timed in this process against a baseline read in the same run: each body runs once a run, in turn, on a
/// <see cref="DataSession"/> of its own (opened untimed, so the pool's hand-out is left out), after a full collection so
/// one body's garbage is not another's cost; the first run is left out (it warms JIT and pools). Medians of elapsed time
/// and of bytes allocated.
/// </summary>
public static class SessionTimings
{
    public const string Header = """
        | measurement | rows / figures | elapsed | ÷ baseline | allocated | ÷ baseline |
        |---|---|---|---|---|---|
        """;

    /// <param name="Rows">What the body returned: rows read, or figures computed.</param>
    public sealed record Result(string Name, double ElapsedMs, double AllocatedMb, int Rows)
    {
        public string Row(Result baseline) => $"| {Name} | {Rows:N0} | {ElapsedMs:F1} ms | {ElapsedMs / baseline.ElapsedMs:F2}× | {AllocatedMb:F1} MB | " +
            $"{AllocatedMb / baseline.AllocatedMb:F2}× |";
    }

    /// <summary>The medians of each body, in the order given.</summary>
    public static async Task<IReadOnlyList<Result>> MedianAsync(NpgsqlDataSource db, JstScope scope, int runs,
        params IReadOnlyList<(string Name, Func<DataSession, Task<int>> Body)> bodies)
    {
        var measured = bodies.Select(_ => new List<(double Ms, double Mb, int Rows)>()).ToList();
        for (var i = 0; i <= runs; i++)
        {
            for (var b = 0; b < bodies.Count; b++)
            {
                var run = await MeasureAsync(db, scope, bodies[b].Body);
                if (i > 0)
                {
                    measured[b].Add(run);
                }
            }
        }
        return [.. bodies.Select((body, b) => Median(body.Name, measured[b]))];
    }

    private static Result Median(string name, List<(double Ms, double Mb, int Rows)> runs) =>
        new(name, runs.Select(r => r.Ms).Order().ElementAt(runs.Count / 2), runs.Select(r => r.Mb).Order().ElementAt(runs.Count / 2), runs[0].Rows);

    private static async Task<(double, double, int)> MeasureAsync(NpgsqlDataSource db, JstScope scope, Func<DataSession, Task<int>> body)
    {
        await using var session = await DataSession.OpenAsync(db, scope, CancellationToken.None);
        GC.Collect();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var stopwatch = Stopwatch.StartNew();
        var rows = await body(session);
        var elapsed = stopwatch.Elapsed.TotalMilliseconds;
        return (elapsed, (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576.0, rows);
    }
}
