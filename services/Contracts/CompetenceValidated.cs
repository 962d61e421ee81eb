namespace Cro.Contracts;

/// <summary>
/// A participant finished a module's post-test attempt: the module's validation as it now stands, whether or
/// not it validated and raised their competence. Sent after every post-test attempt (at most two); the latest
/// for a participant and module is the standing one, as the best attempt counts. Validated: the best post-test
/// score reached the threshold of the cohort's programme version. Raised: validated and the best post-test
/// score is higher than the pre-test score, a missing pre-test counting as 0 % (PreTestTaken tells which, for
/// a report that would rather leave those out). Carries the person's JST and sex at the moment of the event
/// for the result indicator "people from JST staff who raised their competences".
/// </summary>
public sealed record CompetenceValidated : IIntegrationEvent
{
    public required Guid ParticipantId { get; init; }
    public required Guid ApplicationId { get; init; }
    public required Guid CohortId { get; init; }
    public required string JstTerc { get; init; }
    public required string Sex { get; init; }
    public required string ModuleCode { get; init; }
    public required int ProgrammeVersion { get; init; }
    public required bool PreTestTaken { get; init; }
    /// <summary>Per cent; 0 when the pre-test was not taken.</summary>
    public required decimal PreTestScore { get; init; }
    /// <summary>Per cent, the best of the post-test attempts so far.</summary>
    public required decimal PostTestScore { get; init; }
    public required int PostTestAttempts { get; init; }
    public required decimal Threshold { get; init; }
    public required bool Validated { get; init; }
    public required bool Raised { get; init; }
    public required DateTimeOffset ValidatedAt { get; init; }
}
