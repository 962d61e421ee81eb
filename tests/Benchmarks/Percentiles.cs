namespace Cro.Benchmarks;

/// <summary>The latency percentiles the benchmarks report, by nearest rank: the same rule in every table, so their figures compare.</summary>
internal static class Percentiles
{
    /// <summary>The sample at rank <paramref name="p"/> of the sorted samples (0.5 the median, 0.99 the 99th percentile); NaN for none.</summary>
    public static double Of(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];
    }
}
