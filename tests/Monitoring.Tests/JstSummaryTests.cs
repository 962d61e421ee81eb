using Cro.BuildingBlocks.Persistence;
using Cro.Monitoring.Features.Registry;
using Dapper;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Cro.Monitoring.Tests;

public sealed class JstSummaryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static JstRegistered Unit(string terc, string name, string kind, string voivodeship) => new()
    {
        Terc = terc, Name = name, Kind = kind, VoivodeshipTerc = voivodeship,
        CountyTerc = terc.Length == 7 ? terc[..4] : null, RegisteredAt = DateTimeOffset.UtcNow,
    };

    private sealed record Row(string Terc, string Kind);

    [Fact]
    public async Task Summary_counts_registered_units_per_voivodeship_and_kind_and_a_redelivery_counts_once()
    {
        await using var service = await ServiceFactory<Program>.StartAsync("monitoring");
        var bus = service.Services.GetRequiredService<IBus>();
        JstRegistered[] units =
        [
            Unit("22", "pomorskie", "voivodeship", "22"),
            Unit("2261011", "Gdańsk", "city-county", "22"),
            Unit("2202011", "Chojnice", "urban-municipality", "22"),
            Unit("02", "dolnośląskie", "voivodeship", "02"),
            Unit("0201", "bolesławiecki", "county", "02"),
        ];
        var ids = units.Select(_ => Guid.CreateVersion7()).ToArray();
        for (var i = 0; i < units.Length; i++)
        {
            await bus.Publish(units[i], context => context.MessageId = ids[i], Ct);
        }
        // The broker hands one event over again, as after a consumer crash before its ack.
        await bus.Publish(units[1], context => context.MessageId = ids[1], Ct);

        var client = service.CreateClient();
        var summary = await Eventually.GetAsync(
            () => client.GetFromJsonAsync<GetJstSummary.JstSummaryResponse>("/api/monitoring/jst-summary", Ct)!,
            s => s!.Total == 5, what: "five units in the summary");
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        summary = await client.GetFromJsonAsync<GetJstSummary.JstSummaryResponse>("/api/monitoring/jst-summary", Ct);

        Assert.Equal(5, summary!.Total);
        Assert.Equal(2, summary.ByKind["voivodeship"]);
        var pomorskie = summary.Voivodeships.Single(v => v.Terc == "22");
        Assert.Equal(("pomorskie", 3, 1, 1), (pomorskie.Name, pomorskie.Total, pomorskie.ByKind["city-county"], pomorskie.ByKind["urban-municipality"]));
        Assert.Equal(["02", "22"], summary.Voivodeships.Select(v => v.Terc));
    }

    [Fact]
    public async Task A_read_model_that_has_each_city_twice_has_it_once_after_the_migration()
    {
        var database = await TestDatabase.CreateMigratedAsync("mon_cities", typeof(Program).Assembly);
        await using var owner = new NpgsqlConnection(database.OwnerConnectionString);
        // As the events before the change left it: each city as a four-digit city-county and a seven-digit urban-municipality
        // unit; an application recruitment knows of names Gdynia's four-digit code. And the journal without migration 0010.
        Assert.Equal(1, await owner.ExecuteAsync("DELETE FROM schemaversions WHERE scriptname LIKE '%.0011_city_county_one_jst.sql'"));
        await owner.ExecuteAsync("""
            INSERT INTO jst (terc, name, kind, voivodeship_terc, registered_at) VALUES
                ('22', 'pomorskie', 'voivodeship', '22', now()),
                ('2202', 'chojnicki', 'county', '22', now()),
                ('2202011', 'Chojnice', 'urban-municipality', '22', now()),
                ('2261', 'Gdańsk', 'city-county', '22', now()),
                ('2261011', 'Gdańsk', 'urban-municipality', '22', now()),
                ('2262', 'Gdynia', 'city-county', '22', now()),
                ('2262011', 'Gdynia', 'urban-municipality', '22', now());
            INSERT INTO recruitment_rounds (id, name) VALUES ('00000000-0000-0000-0000-000000000001', 'Nabór');
            INSERT INTO recruitment_applications (id, round_id, jst_terc, voivodeship_terc, submitted_at)
            VALUES ('00000000-0000-0000-0000-000000000002', '00000000-0000-0000-0000-000000000001', '2262', '22', now());
            """);

        // What the service does at start-up.
        await DatabaseMigrator.MigrateAsync(database.OwnerConnectionString, database.Name + "_app", typeof(Program).Assembly, NullLogger.Instance, Ct);

        var rows = await owner.QueryAsync<Row>("SELECT terc, kind FROM jst ORDER BY terc");
        Assert.Equal(
        [
            new Row("22", "voivodeship"), new Row("2202", "county"), new Row("2202011", "urban-municipality"),
            new Row("2261011", "city-county"), new Row("2262", "city-county"), new Row("2262011", "city-county"),
        ], rows);
    }
}

public sealed class EndpointPolicyTests
{
    [Fact]
    public async Task Every_endpoint_names_a_policy_or_is_explicitly_public()
    {
        await using var service = await ServiceFactory<Program>.StartAsync("monitoring");
        EndpointPolicies.AssertAllExplicit(service.Services);
    }
}
