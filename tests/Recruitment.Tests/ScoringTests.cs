using Cro.Recruitment.Features.Registry;
using Cro.Recruitment.Features.Rounds;

namespace Cro.Recruitment.Tests;

public sealed class ScoringTests
{
    [Fact]
    public void An_at_risk_rural_gmina_taking_part_for_the_first_time_scores_every_priority()
    {
        var score = ScoringRules.Default.Score(new ApplicantFacts(AtRiskOfMarginalisation: true, JstKind.RuralMunicipality, SchoolsRun: 4, TookPartBefore: false));

        Assert.Equal(new ScoreBreakdown(AtRisk: 10, Kind: 5, Schools: 4, FirstTime: 5), score);
        Assert.Equal(24, score.Total);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(9, 9)]
    [InlineData(10, 10)]
    [InlineData(57, 10)]
    public void School_points_stop_at_the_cap(int schools, int points) =>
        Assert.Equal(points, ScoringRules.Default.Score(new ApplicantFacts(false, JstKind.CityCounty, schools, TookPartBefore: true)).Schools);

    [Fact]
    public void A_kind_the_rules_do_not_name_scores_nothing_for_its_kind()
    {
        var rules = ScoringRules.Default with { KindPoints = new Dictionary<string, int> { [JstKind.RuralMunicipality] = 7 } };

        Assert.Equal(0, rules.Score(new ApplicantFacts(false, JstKind.County, 0, true)).Kind);
        Assert.Equal(7, rules.Score(new ApplicantFacts(false, JstKind.RuralMunicipality, 0, true)).Kind);
    }
}
