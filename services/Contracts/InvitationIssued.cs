namespace Cro.Contracts;

/// <summary>
/// A person was invited to the platform (by an operator or an administrator, or on acceptance of
/// their JST's application). The link lets them set a password and sign in; it expires.
/// </summary>
public sealed record InvitationIssued : IIntegrationEvent
{
    public required Guid UserId { get; init; }
    public required string Email { get; init; }
    public required string FullName { get; init; }
    /// <summary>admin, operator, trainer, advisor, jst-coordinator or jst-member.</summary>
    public required string Role { get; init; }
    /// <summary>TERC code of the person's JST, for JST roles.</summary>
    public string? JstTerc { get; init; }
    /// <summary>Absolute link (through the gateway) that opens the invitation.</summary>
    public required Uri AcceptUrl { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
}
