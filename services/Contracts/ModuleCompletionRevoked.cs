namespace Cro.Contracts;

/// <summary>
/// An attendance correction took a completed module back below its attendance threshold: the
/// <see cref="ModuleCompleted"/> for this participant and module no longer holds. When the training had been
/// completed, it no longer is either, and its certificate (CertificateNumber) is revoked.
/// </summary>
public sealed record ModuleCompletionRevoked : IIntegrationEvent
{
    public required Guid ParticipantId { get; init; }
    public required Guid CohortId { get; init; }
    public required string JstTerc { get; init; }
    public required string Sex { get; init; }
    public required string ModuleCode { get; init; }
    public required decimal AttendedHours { get; init; }
    public required decimal ModuleHours { get; init; }
    public string? RevokedCertificateNumber { get; init; }
    public required DateTimeOffset RevokedAt { get; init; }
}
