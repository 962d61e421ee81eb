namespace Cro.Contracts;

/// <summary>
/// A reviewer returned a good practice to its authors with comments: the advisor, or ORE's editor (<see cref="Stage"/>).
/// The authors revise it and submit it again; any number of rounds.
/// </summary>
public sealed record GoodPracticeChangesRequested : IIntegrationEvent
{
    public required Guid PracticeId { get; init; }
    public required string JstTerc { get; init; }
    public required string JstName { get; init; }
    public required string Title { get; init; }
    /// <summary>The version reviewed.</summary>
    public required int Version { get; init; }
    /// <summary>advisor or editor.</summary>
    public required string Stage { get; init; }
    public required string Comment { get; init; }
    public required IReadOnlyList<GoodPracticePerson> Authors { get; init; }
    public required Uri PlatformUrl { get; init; }
    public required DateTimeOffset RequestedAt { get; init; }
}
