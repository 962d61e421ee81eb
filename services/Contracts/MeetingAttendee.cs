namespace Cro.Contracts;

/// <summary>Someone an advisory meeting concerns, as the meeting events carry them for the notices and calendars.</summary>
public sealed record MeetingAttendee
{
    /// <summary>The team member id (the recruitment member id) for team members; none for the advisor.</summary>
    public Guid? MemberId { get; init; }
    public required string FullName { get; init; }
    public required string Email { get; init; }
    /// <summary>member or advisor.</summary>
    public required string Role { get; init; }
}
