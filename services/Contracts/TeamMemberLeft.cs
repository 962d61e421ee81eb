namespace Cro.Contracts;

/// <summary>A person left an accepted JST's task team; their history in the programme stays.</summary>
public sealed record TeamMemberLeft : IIntegrationEvent
{
    public required Guid ApplicationId { get; init; }
    public required Guid RoundId { get; init; }
    public required string JstTerc { get; init; }
    public required Guid MemberId { get; init; }
    public required string Email { get; init; }
    public required DateTimeOffset LeftAt { get; init; }
}
