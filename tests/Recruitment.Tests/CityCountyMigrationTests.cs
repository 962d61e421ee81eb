using System.Text.Json;
using Cro.Recruitment.Features.Applications;
using Cro.Recruitment.Features.Registry;
using Cro.Recruitment.Features.Rounds;
using Microsoft.AspNetCore.Mvc;

namespace Cro.Recruitment.Tests;

/// <summary>
/// A registry imported before a city with powiat rights was one JST held each city twice: a four-digit city-county row
/// and a seven-digit urban-municipality row. Started on such a database, the service (migration 0009, then the import)
/// offers each city once, under its gmina's code; a four-digit row an application names stays, but is offered to no one.
/// </summary>
public sealed class CityCountyMigrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The register as the import read it before: each city as its powiat row and its gmina miejska.</summary>
    private static IReadOnlyList<TercUnit> AsReadBefore(IReadOnlyList<TercUnit> units) =>
    [
        .. units.SelectMany(u => u.Kind == JstKind.CityCounty
            ? new[] { new TercUnit(u.CountyTerc!, u.Name, JstKind.CityCounty, u.VoivodeshipTerc, null), u with { Kind = JstKind.UrbanMunicipality } }
            : [u]),
    ];

    [Fact]
    public async Task A_registry_with_each_city_twice_offers_each_city_once_after_start_up()
    {
        var database = await TestDatabase.CreateMigratedAsync("cities", typeof(Program).Assembly);
        var roundId = Guid.CreateVersion7();
        await using (var owner = new NpgsqlConnection(database.OwnerConnectionString))
        {
            // The database as it was before migration 0009: without its column, and the journal without the script.
            await owner.ExecuteAsync("ALTER TABLE jst DROP COLUMN superseded_by");
            Assert.Equal(1, await owner.ExecuteAsync("DELETE FROM schemaversions WHERE scriptname LIKE '%.0009_city_county_one_jst.sql'"));

            await using var app = new NpgsqlDataSourceBuilder(database.AppConnectionString).Build();
            Assert.Equal(2873, await ImportRegistry.ImportAsync(app, AsReadBefore(TercRegister.ReadEmbedded()), Ct));

            // An open round for cities, and a draft that Gdańsk started under its four-digit code.
            await owner.ExecuteAsync("""
                INSERT INTO rounds (id, name, opens_at, closes_at, capacity, eligible_kinds, created_at)
                VALUES (@roundId, 'Nabór dla miast', now() - interval '1 day', now() + interval '30 days', 10, '{city-county,urban-municipality}', now());
                INSERT INTO scoring_rules (round_id, version, rules, created_at) VALUES (@roundId, 1, @rules::jsonb, now());
                INSERT INTO applications (id, round_id, jst_terc, status, key_hash, created_at, updated_at)
                VALUES (@applicationId, @roundId, '2261', 'draft', '\x00', now(), now());
                """, new { roundId, rules = JsonSerializer.Serialize(ScoringRules.Default, JsonSerializerOptions.Web), applicationId = Guid.CreateVersion7() });
        }

        await using var service = new ServiceFactory<Program>("recruitment", database, await TestServers.RabbitMqVirtualHostAsync("cities"),
            new Dictionary<string, string?>());
        service.StartServer();
        var client = service.CreateClient();

        var warsaw = Assert.Single((await client.GetFromJsonAsync<SearchJst.SearchJstResponse>("/api/recruitment/jst?q=Warszawa", Ct))!.Items);
        Assert.Equal(("1465011", JstKind.CityCounty, "1465"), (warsaw.Terc, warsaw.Kind, warsaw.County?.Terc));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/recruitment/jst/1465", Ct)).StatusCode);
        var pomorskie = await client.GetFromJsonAsync<SearchJst.SearchJstResponse>("/api/recruitment/jst?kind=city-county&voivodeship=22", Ct);
        Assert.Equal(["2261011", "2262011", "2263011", "2264011"], pomorskie!.Items.Select(j => j.Terc).Order());

        await using (var owner = new NpgsqlConnection(database.OwnerConnectionString))
        {
            var byKind = (await owner.QueryAsync<(string Kind, int Units)>("SELECT kind, count(*)::int FROM jst GROUP BY kind"))
                .ToDictionary(k => k.Kind, k => k.Units);
            Assert.Equal((67, 236, 314), (byKind[JstKind.CityCounty], byKind[JstKind.UrbanMunicipality], byKind[JstKind.County]));
            Assert.Equal(["2261 → 2261011"], await owner.QueryAsync<string>(
                "SELECT terc || ' → ' || superseded_by FROM jst WHERE length(terc) = 4 AND kind = 'city-county'"));
            Assert.Equal("urban-municipality", await owner.ExecuteScalarAsync<string>("SELECT kind FROM jst WHERE terc = '0201011'"));
        }

        // Gdańsk's draft keeps its code, but no one can start an application under it: Gdańsk applies as 2261011.
        var oldCode = await client.GetFromJsonAsync<CheckJstCandidacy.JstCandidacy>($"/api/recruitment/rounds/{roundId}/candidates/2261", Ct);
        Assert.False(oldCode!.CanApply);
        Assert.Contains("2261011", oldCode.Reason);
        var started = await client.PostAsJsonAsync($"/api/recruitment/rounds/{roundId}/applications",
            Applicants.WholeForm("2261", Applicants.Team(3)), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, started.StatusCode);
        Assert.Contains("2261011", (await started.Content.ReadFromJsonAsync<ValidationProblemDetails>(Ct))!.Errors["jstTerc"].Single());
        var city = await client.GetFromJsonAsync<CheckJstCandidacy.JstCandidacy>($"/api/recruitment/rounds/{roundId}/candidates/2261011", Ct);
        Assert.True(city!.CanApply, city.Reason);
    }
}
