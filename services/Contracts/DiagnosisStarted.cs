namespace Cro.Contracts;

/// <summary>
/// A JST's team started a diagnosis of its schools (kind: baseline, after-12-months, after-36-months), following one
/// version of the diagnosis instrument, with one questionnaire for each of <see cref="Schools"/> active schools.
/// </summary>
public sealed record DiagnosisStarted : IIntegrationEvent
{
    public required Guid DiagnosisId { get; init; }
    public required string JstTerc { get; init; }
    public required string Kind { get; init; }
    public required int InstrumentVersion { get; init; }
    public required int Schools { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
}
