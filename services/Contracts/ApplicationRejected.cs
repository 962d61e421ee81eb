namespace Cro.Contracts;

/// <summary>A JST's application was rejected, with the reason the operator gave.</summary>
public sealed record ApplicationRejected : IIntegrationEvent
{
    public required Guid ApplicationId { get; init; }
    public required Guid RoundId { get; init; }
    public required string RoundName { get; init; }
    public required string JstTerc { get; init; }
    public required string JstName { get; init; }
    public required string Reason { get; init; }
    public required DateTimeOffset DecidedAt { get; init; }
    public required TaskTeamMember Coordinator { get; init; }
}
