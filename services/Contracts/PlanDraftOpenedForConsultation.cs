namespace Cro.Contracts;

/// <summary>
/// A JST's team opened the consultation of a version of its strategic plan with the school community, for the days from
/// <see cref="OpensOn"/> to <see cref="ClosesOn"/> (Europe/Warsaw, both included): the version is no longer changed
/// until the consultation closes. Its links' tokens never travel in events.
/// </summary>
public sealed record PlanDraftOpenedForConsultation : IIntegrationEvent
{
    public required Guid PlanId { get; init; }
    public required Guid ConsultationId { get; init; }
    public required string JstTerc { get; init; }
    public required int Version { get; init; }
    public required DateOnly OpensOn { get; init; }
    public required DateOnly ClosesOn { get; init; }
    public required DateTimeOffset OpenedAt { get; init; }
}
