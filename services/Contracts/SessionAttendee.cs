namespace Cro.Contracts;

/// <summary>Someone a training session concerns, as <see cref="SessionScheduled"/> carries them for the notices.</summary>
public sealed record SessionAttendee
{
    /// <summary>The participant's id (the recruitment member id) for participants; none for trainers.</summary>
    public Guid? ParticipantId { get; init; }
    public required string FullName { get; init; }
    public required string Email { get; init; }
    /// <summary>participant or trainer.</summary>
    public required string Role { get; init; }
}
