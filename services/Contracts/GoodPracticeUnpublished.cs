namespace Cro.Contracts;

/// <summary>ORE withdrew a published good practice from the public catalogue, with the reason; its versions stay.</summary>
public sealed record GoodPracticeUnpublished : IIntegrationEvent
{
    public required Guid PracticeId { get; init; }
    public required string JstTerc { get; init; }
    public required string JstName { get; init; }
    public required string Title { get; init; }
    public required string Reason { get; init; }
    public required IReadOnlyList<GoodPracticePerson> Authors { get; init; }
    public required Uri PlatformUrl { get; init; }
    public required DateTimeOffset UnpublishedAt { get; init; }
}
