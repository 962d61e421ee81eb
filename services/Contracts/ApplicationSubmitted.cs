namespace Cro.Contracts;

/// <summary>
/// A JST's application was submitted in a round, with its task team. Members carry their sex category
/// (woman, man, non-binary, undisclosed) as ESF+ reporting counts people by it.
/// </summary>
public sealed record ApplicationSubmitted : IIntegrationEvent
{
    public required Guid ApplicationId { get; init; }
    public required Guid RoundId { get; init; }
    public required string RoundName { get; init; }
    public required string JstTerc { get; init; }
    public required string JstName { get; init; }
    public required string JstKind { get; init; }
    public required string VoivodeshipTerc { get; init; }
    public required bool AtRiskOfMarginalisation { get; init; }
    public required int Score { get; init; }
    public required int ScoringVersion { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }
    public required IReadOnlyList<TaskTeamMember> Team { get; init; }
}
