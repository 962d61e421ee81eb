namespace Cro.Web.Training.Api;

/// <summary>
/// GET /api/training/me/results (one per cohort the person is in) and GET /api/training/cohorts/{id}/results: the
/// cohort's rules and where its participants stand.
/// </summary>
public sealed record CohortResults(CohortRules Rules, IReadOnlyList<ParticipantStanding> Participants);

/// <summary>The rules of the cohort's programme version: thresholds in per cent, and its modules.</summary>
public sealed record CohortRules(Guid CohortId, string CohortName, int ProgrammeVersion, decimal PostTestThreshold, decimal AttendanceThreshold,
    IReadOnlyList<ModuleRule> Modules);

public sealed record ModuleRule(string Code, string Title, decimal Hours);

public sealed record ParticipantStanding(Guid ParticipantId, Guid ApplicationId, string FullName, string JstTerc, string JstName, string Sex,
    DateTimeOffset? LeftAt, IReadOnlyList<ModuleStanding> Modules, bool TrainingComplete, Guid? CertificateId, string? CertificateNumber);

/// <summary>Scores are per cent to two decimals; the post-test score is the best attempt's.</summary>
public sealed record ModuleStanding(string ModuleCode, string Title, decimal ModuleHours, decimal AttendedHours, decimal AttendancePercent,
    bool AttendanceMet, decimal? PreTestScore, decimal? PostTestScore, int PostTestAttempts, bool Validated, bool Raised, bool Complete);

/// <summary>GET /api/training/cohorts/{id}/learning-gain: averages per module and pooled shares per learning outcome, pre vs post.</summary>
public sealed record LearningGainReport(Guid CohortId, string CohortName, int ProgrammeVersion, IReadOnlyList<ModuleGain> Modules);

public sealed record ModuleGain(string ModuleCode, string Title, int PreTests, decimal? PreAverage, int PostTests, decimal? PostAverage, decimal? Gain,
    IReadOnlyList<OutcomeGain> Outcomes);

public sealed record OutcomeGain(string OutcomeCode, string Category, string Description, decimal? Pre, decimal? Post, decimal? Gain);
