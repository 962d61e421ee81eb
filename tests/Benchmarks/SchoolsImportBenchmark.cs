using System.Text.Json;
using Cro.BuildingBlocks.Persistence;
using Cro.Monitoring.Features.Schools;

namespace Cro.Benchmarks;

/// <summary>
/// The schools register's import of the whole 2022 extract (55,779 rows: read from the gzip-compressed CSV, binary COPY into
/// a staging table, set-based sorting, insert of ~35,000 schools with their indexes, the report), against a baseline of the
/// same rows read the same way and copied with binary COPY into a bare table (no index, no constraint) of the same columns;
/// and the import run again over a register that already holds the extract (everything unchanged). Each run is a process of
/// its own, started cold as the service is at start-up, so its peak resident memory is its own; time is the operation's
/// (the process's start excluded), memory the peak above what the process held before the operation.
/// </summary>
public static class SchoolsImportBenchmark
{
    private const string ChildArgument = "schools-import-run";
    private const string ConnectionVariable = "CRO_BENCH_SCHOOLS_CONNECTION";

    /// <summary>One run, as its process reports it.</summary>
    public sealed record Run(double ElapsedMs, double PeakMb, double AllocatedMb, int Rows, string Outcome);

    public sealed record Result(string Name, IReadOnlyList<Run> Runs)
    {
        public double ElapsedMs => Median(r => r.ElapsedMs);
        public double PeakMb => Median(r => r.PeakMb);
        public double AllocatedMb => Median(r => r.AllocatedMb);

        private double Median(Func<Run, double> value) => Runs.Select(value).Order().ElementAt(Runs.Count / 2);

        public string Row(Result baseline) =>
            $"| {Name} | {Runs[0].Rows:N0} | {ElapsedMs:F0} ms | {ElapsedMs / baseline.ElapsedMs:F2}× | {PeakMb:F0} MB | {PeakMb / baseline.PeakMb:F2}× " +
            $"| {AllocatedMb:F0} MB | {Runs[0].Outcome} |";
    }

    public static async Task<(Result Copy, Result Import, Result Reimport)> RunAsync(int runs)
    {
        var (copy, import, reimport) = (new List<Run>(), new List<Run>(), new List<Run>());
        // Interleaved, so the three meet the same load of a shared machine.
        for (var i = 0; i < runs; i++)
        {
            var bare = await FreshDatabaseAsync();
            await using (var owner = new NpgsqlConnection(bare.OwnerConnectionString))
            {
                await owner.ExecuteAsync($"CREATE TABLE rspo_bare ({RspoExtract.Columns})");
            }
            copy.Add(await RunProcessAsync("copy", bare.AppConnectionString));

            var empty = await FreshDatabaseAsync();
            import.Add(await RunProcessAsync("import", empty.AppConnectionString));
            reimport.Add(await RunProcessAsync("import", empty.AppConnectionString));
        }
        return (new Result("plain COPY into a bare table (baseline)", copy), new Result("import into an empty register", import),
            new Result("import again (register holds the extract)", reimport));
    }

    private static Task<TestDatabase> FreshDatabaseAsync() => TestDatabase.CreateMigratedAsync("bench_schools", typeof(RspoExtract).Assembly);

    private static async Task<Run> RunProcessAsync(string mode, string connectionString)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(typeof(SchoolsImportBenchmark).Assembly.Location);
        start.ArgumentList.Add(ChildArgument);
        start.ArgumentList.Add(mode);
        start.Environment[ConnectionVariable] = connectionString;
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"The {mode} run failed ({process.ExitCode}): {output}");
        }
        return JsonSerializer.Deserialize<Run>(output.Trim().Split('\n')[^1])!;
    }

    /// <summary>In the run's own process: one import or one plain copy, measured, printed as one JSON line.</summary>
    public static async Task<bool> TryRunChildAsync(string[] args)
    {
        if (args is not [ChildArgument, var mode])
        {
            return false;
        }
        DapperConventions.Apply();
        await using var db = NpgsqlDataSource.Create(Environment.GetEnvironmentVariable(ConnectionVariable)!);
        GC.Collect();
        var startMb = Process.GetCurrentProcess().WorkingSet64 / 1048576.0;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var stopwatch = Stopwatch.StartNew();
        int rows;
        string outcome;
        if (mode == "copy")
        {
            await using var connection = await db.OpenConnectionAsync();
            await using var extract = RspoExtract.OpenEmbedded();
            rows = (int)await RspoExtract.CopyAsync(connection, "rspo_bare", RspoExtract.Read(extract), CancellationToken.None);
            outcome = $"{rows:N0} rows copied";
        }
        else
        {
            var report = (await ImportSchoolRegister.ImportAsync(db, RspoExtract.OpenEmbedded, RspoExtract.FileName, TimeProvider.System))!;
            rows = report.RowsRead;
            outcome = $"{report.Imported:N0} imported, {report.Unchanged:N0} unchanged, {report.Skipped.Values.Sum():N0} skipped";
        }
        var elapsed = stopwatch.Elapsed.TotalMilliseconds;
        using var self = Process.GetCurrentProcess();
        Console.WriteLine(JsonSerializer.Serialize(new Run(elapsed, self.PeakWorkingSet64 / 1048576.0 - startMb,
            (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576.0, rows, outcome)));
        return true;
    }
}
