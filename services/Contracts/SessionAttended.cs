namespace Cro.Contracts;

/// <summary>
/// A participant attended a training session (marked present by the trainer, or checked in with the
/// session's code). The first one a person attends is when their support started (the output indicator);
/// hours count towards the module's attendance. Carries the person's id (the recruitment member id), JST
/// and sex at the moment of the event, so a later erasure leaves the counts as they were.
/// </summary>
public sealed record SessionAttended : IIntegrationEvent
{
    public required Guid SessionId { get; init; }
    public required Guid CohortId { get; init; }
    public required Guid ParticipantId { get; init; }
    public required Guid ApplicationId { get; init; }
    public required string JstTerc { get; init; }
    public required string Sex { get; init; }
    public required string ModuleCode { get; init; }
    public required int ProgrammeVersion { get; init; }
    public required decimal Hours { get; init; }
    public required DateTimeOffset SessionStartsAt { get; init; }
    /// <summary>trainer (marked on the attendance sheet) or check-in (the participant's code).</summary>
    public required string RecordedBy { get; init; }
    public required DateTimeOffset RecordedAt { get; init; }
}
