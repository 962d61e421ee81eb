namespace Cro.Contracts;

/// <summary>A person joined an accepted JST's task team (replacing someone who left).</summary>
public sealed record TeamMemberJoined : IIntegrationEvent
{
    public required Guid ApplicationId { get; init; }
    public required Guid RoundId { get; init; }
    public required string JstTerc { get; init; }
    public required string JstName { get; init; }
    public required TaskTeamMember Member { get; init; }
    public required DateTimeOffset JoinedAt { get; init; }
}
