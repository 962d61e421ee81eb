namespace Cro.Contracts;

/// <summary>A person asked to reset a forgotten password; the link lets them set a new one and expires.</summary>
public sealed record PasswordResetRequested : IIntegrationEvent
{
    public required Guid UserId { get; init; }
    public required string Email { get; init; }
    public required string FullName { get; init; }
    /// <summary>Absolute link (through the gateway) that opens the reset form.</summary>
    public required Uri ResetUrl { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
}
