namespace Cro.Contracts;

/// <summary>
/// A participant completed every module of their cohort's programme version, and was issued the
/// certificate (zaświadczenie) numbered CertificateNumber, verifiable publicly by that number.
/// </summary>
public sealed record TrainingCompleted : IIntegrationEvent
{
    public required Guid ParticipantId { get; init; }
    public required Guid ApplicationId { get; init; }
    public required Guid CohortId { get; init; }
    public required string JstTerc { get; init; }
    public required string Sex { get; init; }
    public required int ProgrammeVersion { get; init; }
    public required Guid CertificateId { get; init; }
    public required string CertificateNumber { get; init; }
    public required DateTimeOffset CompletedAt { get; init; }
}
