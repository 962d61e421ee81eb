using System.Diagnostics;
using Cro.BuildingBlocks.Messaging;
using Cro.Contracts;
using Dapper;

namespace Cro.Recruitment.Features.Registry;

/// <summary>
/// Seeds the registry from the TERC register at start-up. Idempotent: units already present are left
/// alone, and only newly inserted ones are announced (one <see cref="JstRegistered"/> each, through
/// the outbox, in the same transaction). Replicas starting together insert each unit once.
/// </summary>
public static class ImportRegistry
{
    private sealed record Inserted(string Terc, string Name, string Kind, string VoivodeshipTerc, string? CountyTerc, DateTime RegisteredAt);

    public static async Task<int> ImportAsync(NpgsqlDataSource dataSource, IReadOnlyList<TercUnit> units, CancellationToken ct = default)
    {
        // The registry is no JST's data: row-level security does not cover it, and the import needs no JST in scope.
        await using var session = await DataSession.OpenAsync(dataSource, JstScope.None, ct);
        var inserted = (await session.QueryAsync<Inserted>("""
            INSERT INTO jst (terc, name, kind, voivodeship_terc, county_terc, search_name)
            SELECT * FROM unnest(@tercs, @names, @kinds, @voivodeships, @counties, @searchNames)
            ON CONFLICT (terc) DO NOTHING
            RETURNING terc, name, kind, voivodeship_terc, county_terc, registered_at
            """, ColumnArrays(units))).AsList();

        await session.EnqueueAsync(inserted.Select(u => (IIntegrationEvent)new JstRegistered
        {
            Terc = u.Terc,
            Name = u.Name,
            Kind = u.Kind,
            VoivodeshipTerc = u.VoivodeshipTerc,
            CountyTerc = u.CountyTerc,
            RegisteredAt = new DateTimeOffset(u.RegisteredAt, TimeSpan.Zero),
        }).ToArray());
        await session.CommitAsync();
        return inserted.Count;
    }

    /// <summary>The units as one array per column, for a single <c>unnest</c> insert.</summary>
    public static object ColumnArrays(IReadOnlyList<TercUnit> units) => new
    {
        tercs = units.Select(u => u.Terc).ToArray(),
        names = units.Select(u => u.Name).ToArray(),
        kinds = units.Select(u => u.Kind).ToArray(),
        voivodeships = units.Select(u => u.VoivodeshipTerc).ToArray(),
        counties = units.Select(u => u.CountyTerc).ToArray(),
        searchNames = units.Select(u => SearchText.Normalize(u.Name)).ToArray(),
    };

    public static async Task ImportJstRegistryAsync(this WebApplication app)
    {
        var stopwatch = Stopwatch.StartNew();
        var units = TercRegister.ReadEmbedded();
        var added = await ImportAsync(app.Services.GetRequiredService<NpgsqlDataSource>(), units, app.Lifetime.ApplicationStopping);
        app.Logger.LogInformation("JST registry: {Added} of {Total} TERC units added in {Elapsed} ms.",
            added, units.Count, stopwatch.ElapsedMilliseconds);
    }
}
