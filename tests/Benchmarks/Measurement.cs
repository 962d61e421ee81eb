namespace Cro.Benchmarks;

public sealed record Measurement(string Name, TimeSpan Median, string BaselineName, TimeSpan BaselineMedian, int Items)
{
    public string Row() =>
        $"| {Name} ({Items} items) | {Median.TotalMilliseconds:F0} ms ({Items / Median.TotalSeconds:F0}/s) " +
        $"| {BaselineName}: {BaselineMedian.TotalMilliseconds:F0} ms ({Items / BaselineMedian.TotalSeconds:F0}/s) " +
        $"| {Median / BaselineMedian:F2}× |";

    /// <summary>Runs <paramref name="prepare"/> untimed, times <paramref name="body"/>, disposes the state untimed; returns the median.</summary>
    public static async Task<TimeSpan> MedianAsync<T>(int runs, Func<Task<T>> prepare, Func<T, Task> body)
    {
        var times = new List<TimeSpan>();
        for (var i = 0; i < runs + 1; i++)
        {
            var state = await prepare();
            var stopwatch = Stopwatch.StartNew();
            await body(state);
            var elapsed = stopwatch.Elapsed;
            if (state is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
            if (i > 0) // the first run warms up JIT, pools and the broker's exchanges
            {
                times.Add(elapsed);
            }
        }
        return times.Order().ElementAt(times.Count / 2);
    }
}
