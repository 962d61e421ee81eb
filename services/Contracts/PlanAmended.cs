namespace Cro.Contracts;

/// <summary>A JST opened an amendment of its adopted plan: a new version, a draft, with the reason; the adopted one stays in force until the new one is adopted.</summary>
public sealed record PlanAmended : IIntegrationEvent
{
    public required Guid PlanId { get; init; }
    public required string JstTerc { get; init; }
    public required int Version { get; init; }
    public required string Reason { get; init; }
    public required DateTimeOffset AmendedAt { get; init; }
}
