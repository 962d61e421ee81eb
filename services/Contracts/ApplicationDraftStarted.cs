namespace Cro.Contracts;

/// <summary>
/// Someone started an application for a JST in a round and saved it as a draft. The coordinator gets
/// the link that resumes it (a secret key in the link, as the applicant has no account yet).
/// </summary>
public sealed record ApplicationDraftStarted : IIntegrationEvent
{
    public required Guid ApplicationId { get; init; }
    public required string RoundName { get; init; }
    public required string JstTerc { get; init; }
    public required string JstName { get; init; }
    public required string CoordinatorName { get; init; }
    public required string CoordinatorEmail { get; init; }
    /// <summary>Absolute link (through the gateway) to the draft.</summary>
    public required Uri ResumeUrl { get; init; }
    public required DateTimeOffset RoundClosesAt { get; init; }
    /// <summary>The partner (API client) that prepared the draft for the JST, if one did: the coordinator confirms it by submitting.</summary>
    public string? ProposedBy { get; init; }
}
