namespace Cro.Contracts;

/// <summary>
/// ORE's editor published a version of a JST's good practice in the public catalogue (the first time, or again after it
/// was unpublished and revised). Monitoring counts published practices per JST and topic; notifications tells the authors.
/// </summary>
public sealed record GoodPracticePublished : IIntegrationEvent
{
    public required Guid PracticeId { get; init; }
    public required string JstTerc { get; init; }
    public required string JstName { get; init; }
    /// <summary>One of the registry's kinds (rural-municipality, county …).</summary>
    public required string JstKind { get; init; }
    public required string VoivodeshipTerc { get; init; }
    public required string Title { get; init; }
    public required int Version { get; init; }
    public required IReadOnlyList<string> Topics { get; init; }
    /// <summary>The costs the practice reports, PLN.</summary>
    public required decimal TotalCost { get; init; }
    public required IReadOnlyList<GoodPracticePerson> Authors { get; init; }
    /// <summary>The JST's strategic plan (monitoring's) the practice carried out, when it names one.</summary>
    public Guid? PlanId { get; init; }
    /// <summary>The plan's actions it carried out: monitoring shows the practice on the JST's path from diagnosis to results.</summary>
    public IReadOnlyList<Guid> PlanActionIds { get; init; } = [];
    /// <summary>The practice's page in the public catalogue.</summary>
    public required Uri PracticeUrl { get; init; }
    public required DateTimeOffset PublishedAt { get; init; }
}
