namespace Cro.Web.Tests.Training;

/// <summary>The training service's answers that several tests set up alike.</summary>
internal static class TrainingFixtures
{
    /// <summary>GET /api/training/me/results: Anna Testowa in one cohort (thresholds 60 % and 80 %), with the hours she attended of each module.</summary>
    public static CohortResults MyResults(Guid cohort, params (string Code, string Title, double Hours, double Attended)[] modules) => new()
    {
        Rules = new CohortRules
        {
            CohortId = cohort, CohortName = "Grupa 1", ProgrammeVersion = 1, PostTestThreshold = 60, AttendanceThreshold = 80,
            Modules = [.. modules.Select(m => new ModuleRule { Code = m.Code, Title = m.Title, Hours = m.Hours })],
        },
        Participants =
        [
            new ParticipantStanding
            {
                ParticipantId = Guid.NewGuid(), ApplicationId = Guid.NewGuid(), FullName = "Anna Testowa", JstTerc = "1465011", JstName = "Warszawa",
                Sex = "woman", LeftAt = null, TrainingComplete = false, CertificateId = null, CertificateNumber = null,
                Modules =
                [
                    .. modules.Select(m => new ModuleStanding
                    {
                        ModuleCode = m.Code, Title = m.Title, ModuleHours = m.Hours, AttendedHours = m.Attended, AttendancePercent = m.Attended * 100 / m.Hours,
                        AttendanceMet = false, PreTestScore = null, PostTestScore = null, PostTestAttempts = 0, Validated = false, Raised = false,
                        Complete = false,
                    }),
                ],
            },
        ],
    };
}
