namespace Cro.Contracts;

/// <summary>A JST's application went to the reserve list: it moves up if an accepted JST withdraws.</summary>
public sealed record ApplicationPutOnReserve : IIntegrationEvent
{
    public required Guid ApplicationId { get; init; }
    public required Guid RoundId { get; init; }
    public required string RoundName { get; init; }
    public required string JstTerc { get; init; }
    public required string JstName { get; init; }
    public required DateTimeOffset DecidedAt { get; init; }
    public required TaskTeamMember Coordinator { get; init; }
}
