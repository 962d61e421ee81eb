namespace Cro.Contracts;

/// <summary>A JST's advisory ended, on its end date or early (with the reason). The advisor no longer sees the JST.</summary>
public sealed record EngagementEnded : IIntegrationEvent
{
    public required Guid EngagementId { get; init; }
    public required Guid ApplicationId { get; init; }
    public required Guid RoundId { get; init; }
    public required string JstTerc { get; init; }
    public required Guid AdvisorId { get; init; }
    public Guid? AdvisorUserId { get; init; }
    public required string AdvisorEmail { get; init; }
    /// <summary>term (the end date came) or early.</summary>
    public required string How { get; init; }
    public string? Reason { get; init; }
    public required decimal HoursHeld { get; init; }
    public required DateTimeOffset EndedAt { get; init; }
}
