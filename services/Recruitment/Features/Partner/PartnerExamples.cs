using Cro.Recruitment.Features.Applications;

namespace Cro.Recruitment.Features.Partner;

/// <summary>What the partner API's reference shows as an example draft and its answer: a real gmina, a real-looking team.</summary>
internal static class PartnerExamples
{
    public static readonly ApplicationForm Draft = new("0201032",
    [
        new TeamMemberInput("Anna Wójcik", "anna.wojcik@gromadka.pl", "sekretarz gminy", "+48 75 731 00 00", SexCategory.Woman, IsCoordinator: true),
        new TeamMemberInput("Piotr Kamiński", "piotr.kaminski@gromadka.pl", "inspektor ds. oświaty", null, SexCategory.Man, IsCoordinator: false),
        new TeamMemberInput("Ewa Lewandowska", "ewa.lewandowska@gromadka.pl", "dyrektor szkoły", null, SexCategory.Woman, IsCoordinator: false),
    ], SchoolsRun: 3, TookPartBefore: false, new Declarations(InformationClause.Version, CommitsToWholeCycle: true, ConsentsToPublishPractices: true));

    public static readonly PartnerDrafts.Proposed Proposed = new(Guid.Parse("01936f3e-8a7b-7c4d-9e2f-1a2b3c4d5e6f"), "0201032", ApplicationStatus.Draft, null);
}
