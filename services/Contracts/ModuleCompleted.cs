namespace Cro.Contracts;

/// <summary>
/// A participant completed a module: present for at least the attendance threshold of its hours, and a
/// validated post-test (both thresholds of the cohort's programme version). Carries JST and sex at the moment.
/// </summary>
public sealed record ModuleCompleted : IIntegrationEvent
{
    public required Guid ParticipantId { get; init; }
    public required Guid ApplicationId { get; init; }
    public required Guid CohortId { get; init; }
    public required string JstTerc { get; init; }
    public required string Sex { get; init; }
    public required string ModuleCode { get; init; }
    public required int ProgrammeVersion { get; init; }
    public required decimal AttendedHours { get; init; }
    public required decimal ModuleHours { get; init; }
    public required decimal PostTestScore { get; init; }
    public required DateTimeOffset CompletedAt { get; init; }
}
