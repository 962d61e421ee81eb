namespace Cro.Contracts;

/// <summary>
/// A trainer, an advisor or ORE proposed that a JST describe something it did as a good practice; the JST's task team sees
/// the proposal and may turn it into a draft. Notifications tells the team's current members.
/// </summary>
public sealed record GoodPracticeProposed : IIntegrationEvent
{
    public required Guid ProposalId { get; init; }
    public required string JstTerc { get; init; }
    public required string JstName { get; init; }
    public required string Title { get; init; }
    public required string Description { get; init; }
    public required string ProposedByName { get; init; }
    /// <summary>trainer, advisor or operator.</summary>
    public required string ProposedByRole { get; init; }
    public required IReadOnlyList<GoodPracticePerson> Team { get; init; }
    public required Uri PlatformUrl { get; init; }
    public required DateTimeOffset ProposedAt { get; init; }
}
