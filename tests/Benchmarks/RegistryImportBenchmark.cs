using Cro.Recruitment.Features.Registry;

namespace Cro.Benchmarks;

/// <summary>
/// The start-up import of the whole TERC register into a fresh database (rows + one outbox event each),
/// against a baseline of the same rows inserted with no events.
/// </summary>
public static class RegistryImportBenchmark
{
    public static async Task<Measurement> RunAsync(int runs)
    {
        var units = TercRegister.ReadEmbedded();
        Task<NpgsqlDataSource> FreshDatabase() => TestDatabase.CreateMigratedAsync("bench_import", typeof(ImportRegistry).Assembly)
            .ContinueWith(t => NpgsqlDataSource.Create(t.Result.AppConnectionString));

        var import = await Measurement.MedianAsync(runs, FreshDatabase, db => ImportRegistry.ImportAsync(db, units));
        var rowsOnly = await Measurement.MedianAsync(runs, FreshDatabase, db => InsertRowsOnlyAsync(db, units));
        return new Measurement("registry import with outbox events", import, "rows only", rowsOnly, units.Count);
    }

    private static async Task InsertRowsOnlyAsync(NpgsqlDataSource db, IReadOnlyList<TercUnit> units)
    {
        await using var connection = await db.OpenConnectionAsync();
        await connection.ExecuteAsync("""
            INSERT INTO jst (terc, name, kind, voivodeship_terc, county_terc, search_name)
            SELECT * FROM unnest(@tercs, @names, @kinds, @voivodeships, @counties, @searchNames)
            """, ImportRegistry.ColumnArrays(units));
    }
}
