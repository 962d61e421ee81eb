namespace Cro.Contracts;
/// <summary>A JST's dialogue meeting or education debate was held, with the stakeholders present counted by type.</summary>
public sealed record DialogueMeetingHeld : IIntegrationEvent
{
    public required Guid DialogueMeetingId { get; init; }
    public required Guid RoundId { get; init; }
    public required string JstTerc { get; init; }
    /// <summary>dialogue or debate.</summary>
    public required string Kind { get; init; }
    public required DateTimeOffset HeldAt { get; init; }
    /// <summary>Present stakeholders by type: school-directors, teachers, parents, pupils, employers, ngos, councillors, others.</summary>
    public required IReadOnlyDictionary<string, int> Present { get; init; }
    public required DateTimeOffset RecordedAt { get; init; }
}
