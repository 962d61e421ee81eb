using Cro.Recruitment.Features.Applications;
using Cro.Recruitment.Features.Registry;

namespace Cro.Recruitment.Features.Rounds;

/// <summary>What the partner API's reference shows as example answers about a round: real województwa, a real gmina.</summary>
internal static class RoundExamples
{
    public static readonly RoundStatistics.RoundStatisticsResponse Statistics = new(Guid.Parse("01936f3e-0000-7000-8000-000000000001"),
        new Dictionary<string, int>
        {
            [ApplicationStatus.Submitted] = 41, [ApplicationStatus.Accepted] = 50, [ApplicationStatus.Reserve] = 12, [ApplicationStatus.Rejected] = 3,
        },
        [new("02", "dolnośląskie", 9, 5), new("14", "mazowieckie", 14, 7)],
        [new(JstKind.RuralMunicipality, 61, 32), new(JstKind.UrbanRuralMunicipality, 33, 14)], AtRiskOfMarginalisation: 38);

    public static readonly IReadOnlyList<AcceptedJst.Item> Accepted =
        [new("0201032", "Gromadka", JstKind.RuralMunicipality, "02", new DateTimeOffset(2027, 3, 1, 10, 0, 0, TimeSpan.Zero))];
}
