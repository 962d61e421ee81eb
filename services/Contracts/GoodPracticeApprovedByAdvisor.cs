namespace Cro.Contracts;

/// <summary>The JST's advisor (or ORE in their place) passed a submitted good practice on to ORE's editorial review.</summary>
public sealed record GoodPracticeApprovedByAdvisor : IIntegrationEvent
{
    public required Guid PracticeId { get; init; }
    public required string JstTerc { get; init; }
    public required string JstName { get; init; }
    public required string Title { get; init; }
    public required int Version { get; init; }
    public required IReadOnlyList<GoodPracticePerson> Authors { get; init; }
    public required Uri PlatformUrl { get; init; }
    public required DateTimeOffset ApprovedAt { get; init; }
}
