namespace Cro.Contracts;

/// <summary>
/// A person of an accepted JST's task team was enrolled in the training and waits to be placed in a
/// cohort. ParticipantId is the member's id in recruitment (<see cref="TaskTeamMember.MemberId"/>), so
/// monitoring counts the same person once across recruitment and training events; sex is fixed at the
/// moment of the event, as ESF+ reporting counts it.
/// </summary>
public sealed record ParticipantEnrolled : IIntegrationEvent
{
    public required Guid ParticipantId { get; init; }
    public required Guid ApplicationId { get; init; }
    public required Guid RoundId { get; init; }
    public required string JstTerc { get; init; }
    public required string JstName { get; init; }
    public required string FullName { get; init; }
    public required string Email { get; init; }
    /// <summary>woman, man, non-binary or undisclosed.</summary>
    public required string Sex { get; init; }
    public required bool IsCoordinator { get; init; }
    public required DateTimeOffset EnrolledAt { get; init; }
}
