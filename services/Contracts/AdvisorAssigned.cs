namespace Cro.Contracts;

/// <summary>
/// An advisor took up a JST's advisory: a new engagement, or a handover from <see cref="PreviousAdvisorId"/> (the
/// engagement, its budget and its meetings stay). Identity lets the advisor see that JST in every service from then on.
/// </summary>
public sealed record AdvisorAssigned : IIntegrationEvent
{
    public required Guid EngagementId { get; init; }
    public required Guid ApplicationId { get; init; }
    public required Guid RoundId { get; init; }
    public required string JstTerc { get; init; }
    public required string JstName { get; init; }
    public required Guid AdvisorId { get; init; }
    /// <summary>The advisor's account, when the operator registered them by it; otherwise they are known by <see cref="AdvisorEmail"/>.</summary>
    public Guid? AdvisorUserId { get; init; }
    public required string AdvisorEmail { get; init; }
    public required string AdvisorName { get; init; }
    public required DateOnly StartsOn { get; init; }
    public required DateOnly EndsOn { get; init; }
    public required decimal HoursBudget { get; init; }
    public Guid? PreviousAdvisorId { get; init; }
    public string? PreviousAdvisorEmail { get; init; }
    public required DateTimeOffset AssignedAt { get; init; }
}
