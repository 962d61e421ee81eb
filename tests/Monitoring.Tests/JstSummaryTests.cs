using Cro.Monitoring.Features.Registry;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Cro.Monitoring.Tests;

public sealed class JstSummaryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static JstRegistered Unit(string terc, string name, string kind, string voivodeship) => new()
    {
        Terc = terc, Name = name, Kind = kind, VoivodeshipTerc = voivodeship,
        CountyTerc = terc.Length == 7 ? terc[..4] : null, RegisteredAt = DateTimeOffset.UtcNow,
    };

    [Fact]
    public async Task Summary_counts_registered_units_per_voivodeship_and_kind_and_a_redelivery_counts_once()
    {
        await using var service = await ServiceFactory<Program>.StartAsync("monitoring");
        var bus = service.Services.GetRequiredService<IBus>();
        JstRegistered[] units =
        [
            Unit("22", "pomorskie", "voivodeship", "22"),
            Unit("2261", "Gdańsk", "city-county", "22"),
            Unit("2261011", "Gdańsk", "urban-municipality", "22"),
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
        Assert.Equal(("pomorskie", 3, 1), (pomorskie.Name, pomorskie.Total, pomorskie.ByKind["city-county"]));
        Assert.Equal(["02", "22"], summary.Voivodeships.Select(v => v.Terc));
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
