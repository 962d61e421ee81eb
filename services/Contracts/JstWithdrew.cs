namespace Cro.Contracts;

/// <summary>
/// A JST withdrew its application (submitted, on the reserve list or accepted). When it had a place,
/// the best application on the reserve list is accepted in its stead (a separate ApplicationAccepted).
/// </summary>
public sealed record JstWithdrew : IIntegrationEvent
{
    public required Guid ApplicationId { get; init; }
    public required Guid RoundId { get; init; }
    public required string RoundName { get; init; }
    public required string JstTerc { get; init; }
    public required string JstName { get; init; }
    public required bool HadPlace { get; init; }
    public string? Reason { get; init; }
    public required DateTimeOffset WithdrewAt { get; init; }
    public required IReadOnlyList<TaskTeamMember> Team { get; init; }
    /// <summary>The application accepted in its stead, if any.</summary>
    public Guid? ReplacedBy { get; init; }
}
