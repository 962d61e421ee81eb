using Cro.Recruitment.Features.Applications;
using Cro.Recruitment.Features.Registry;
using Cro.Recruitment.Features.Rounds;
using Cro.ServiceDefaults;

namespace Cro.Recruitment.Features.Partner;

/// <summary>What the partner API's reference shows as example requests and answers: a real gmina, a real-looking team.</summary>
internal static class PartnerExamples
{
    public static readonly ApplicationForm Draft = new("0201032",
    [
        new TeamMemberInput("Anna Wójcik", "anna.wojcik@gromadka.pl", "sekretarz gminy", "+48 75 731 00 00", SexCategory.Woman, IsCoordinator: true),
        new TeamMemberInput("Piotr Kamiński", "piotr.kaminski@gromadka.pl", "inspektor ds. oświaty", null, SexCategory.Man, IsCoordinator: false),
        new TeamMemberInput("Ewa Lewandowska", "ewa.lewandowska@gromadka.pl", "dyrektor szkoły", null, SexCategory.Woman, IsCoordinator: false),
    ], SchoolsRun: 3, TookPartBefore: false, new Declarations(InformationClause.Version, CommitsToWholeCycle: true, ConsentsToPublishPractices: true));

    public static readonly PartnerDrafts.Proposed Proposed = new(Guid.Parse("01936f3e-8a7b-7c4d-9e2f-1a2b3c4d5e6f"), "0201032", ApplicationStatus.Draft, null);

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
