namespace Cro.Contracts;

/// <summary>
/// A participant marked present at a session was corrected to absent or excused after the fact: the
/// <see cref="SessionAttended"/> for this session and person no longer holds, and whoever counted it
/// (monitoring's "people supported", attendance hours) takes it back.
/// </summary>
public sealed record SessionAttendanceRevoked : IIntegrationEvent
{
    public required Guid SessionId { get; init; }
    public required Guid CohortId { get; init; }
    public required Guid ParticipantId { get; init; }
    public required string JstTerc { get; init; }
    public required string Sex { get; init; }
    public required string ModuleCode { get; init; }
    public required decimal Hours { get; init; }
    /// <summary>absent or excused.</summary>
    public required string Status { get; init; }
    public required DateTimeOffset RevokedAt { get; init; }
}
