using Cro.Monitoring.Features;

namespace Cro.Monitoring.Tests;

/// <summary>
/// What each reported figure counts, as data anyone may read: the project card's three indicators with their rule, source
/// and targets by sex; the people of accepted teams as a figure under a name of its own (not "supported"), and the figures
/// of the exchange of experience (conferences, practices).
/// </summary>
public sealed class IndicatorDefinitionsTests(MonitoringService service) : IClassFixture<MonitoringService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_seeds_indicators_are_defined_with_their_rule_source_and_targets_and_the_team_figure_is_not_one_of_them()
    {
        var definitions = (await service.Anonymous.GetFromJsonAsync<List<IndicatorDefinitions.Definition>>("/api/monitoring/indicator-definitions", Ct))!;

        // Output first, then results, then figures.
        Assert.Equal([("people-supported", "output"), ("competences-raised", "result"), ("jst-advised", "result"), ("conference-jst-reached", "figure"),
                ("conference-participants", "figure"), ("people-in-accepted-teams", "figure"), ("practices-published", "figure")],
            definitions.Select(d => (d.Code, d.Kind)));
        var supported = definitions.Single(d => d.Code == IndicatorDefinitions.Codes.PeopleSupported);
        Assert.Equal((150, 105, 45, true), (supported.TargetTotal!.Value, supported.TargetWomen!.Value, supported.TargetMen!.Value, supported.BySex));
        Assert.Contains("objętych wsparciem", supported.SeedWording);
        Assert.Contains("pierwsze zajęcia", supported.EsfDefinition);
        Assert.Contains("co najmniej jednych zajęciach", supported.RulePl);
        var raised = definitions.Single(d => d.Code == IndicatorDefinitions.Codes.CompetencesRaised);
        Assert.Equal((150, 105, 45), (raised.TargetTotal!.Value, raised.TargetWomen!.Value, raised.TargetMen!.Value));
        Assert.Contains("co najmniej jednego modułu", raised.RulePl);
        var advised = definitions.Single(d => d.Code == IndicatorDefinitions.Codes.JstAdvised);
        Assert.Equal((50, false, "jst"), (advised.TargetTotal!.Value, advised.BySex, advised.Unit));
        // The people of accepted teams: a figure reported beside the indicators, its rule saying why it is not "supported".
        var teams = definitions.Single(d => d.Code == IndicatorDefinitions.Codes.PeopleInAcceptedTeams);
        Assert.Equal(("figure", null, null), (teams.Kind, teams.TargetTotal, teams.SeedWording));
        Assert.DoesNotContain(definitions.Where(d => d != supported), d => d.NamePl.Contains("objętych wsparciem", StringComparison.Ordinal));
        // One name per meaning.
        Assert.Equal(definitions.Count, definitions.Select(d => d.NamePl).Distinct().Count());
    }
}
