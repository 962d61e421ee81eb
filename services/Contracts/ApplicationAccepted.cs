namespace Cro.Contracts;

/// <summary>
/// A JST's application was accepted (by an operator, or on promotion from the reserve list when an
/// accepted JST withdrew). Its task team joins the programme: identity creates their accounts,
/// notifications tells them, monitoring counts the JST and the people supported.
/// </summary>
public sealed record ApplicationAccepted : IIntegrationEvent
{
    public required Guid ApplicationId { get; init; }
    public required Guid RoundId { get; init; }
    public required string RoundName { get; init; }
    public required string JstTerc { get; init; }
    public required string JstName { get; init; }
    public required string JstKind { get; init; }
    public required string VoivodeshipTerc { get; init; }
    public required int Score { get; init; }
    public required int ScoringVersion { get; init; }
    public required bool PromotedFromReserve { get; init; }
    public required DateTimeOffset AcceptedAt { get; init; }
    public required IReadOnlyList<TaskTeamMember> Team { get; init; }
}
