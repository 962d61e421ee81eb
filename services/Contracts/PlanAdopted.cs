namespace Cro.Contracts;

/// <summary>
/// A JST adopted a version of its local strategic plan (the first: <see cref="Version"/> 1; a later one is an amendment and
/// carries its reason). Reporting periods of implementation count from the first adoption.
/// </summary>
public sealed record PlanAdopted : IIntegrationEvent
{
    public required Guid PlanId { get; init; }
    public required string JstTerc { get; init; }
    public required int Version { get; init; }
    public required DateOnly AdoptedOn { get; init; }
    /// <summary>The council's resolution adopting it, when the team gave its number.</summary>
    public string? ResolutionNumber { get; init; }
    /// <summary>Why this version amends the one before; null for the first.</summary>
    public string? AmendmentReason { get; init; }
    public required int Priorities { get; init; }
    public required int Actions { get; init; }
    /// <summary>The sum of the actions' budgets, PLN.</summary>
    public required decimal TotalBudget { get; init; }
    public required DateTimeOffset AdoptedAt { get; init; }
}
