namespace Cro.Contracts;

/// <summary>
/// A JST's team submitted its diagnosis to review (again, after a return for changes, in a later <see cref="Round"/>):
/// every active school's questionnaire submitted or excused, the team's own submitted, with findings and recommendations.
/// </summary>
public sealed record DiagnosisSubmitted : IIntegrationEvent
{
    public required Guid DiagnosisId { get; init; }
    public required string JstTerc { get; init; }
    /// <summary>baseline, after-12-months or after-36-months.</summary>
    public required string Kind { get; init; }
    public required int InstrumentVersion { get; init; }
    /// <summary>1 for the first submission, one more for each resubmission after a return.</summary>
    public required int Round { get; init; }
    public required int SchoolsSubmitted { get; init; }
    public required int SchoolsExcused { get; init; }
    public required int Findings { get; init; }
    public required int Recommendations { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }
}
