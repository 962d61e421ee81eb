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
    /// <summary>The name of the person's JST (e.g. "Gromadka"), for JST roles when it is known; added later, so null in older events.</summary>
    public string? JstName { get; init; }
    /// <summary>
    /// Why the invitation was sent: <see cref="InvitationOccasions.ByPerson"/> (an operator or administrator
    /// invited them), <see cref="InvitationOccasions.ApplicationAccepted"/> (sent automatically when their JST's
    /// application was accepted) or <see cref="InvitationOccasions.TeamChange"/> (their JST's coordinator added
    /// them to the task team). Added later: null in older events, read as ByPerson.
    /// </summary>
    public string? Occasion { get; init; }
    /// <summary>Absolute link (through the gateway) that opens the invitation.</summary>
    public required Uri AcceptUrl { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
}

/// <summary>The values of <see cref="InvitationIssued.Occasion"/>.</summary>
public static class InvitationOccasions
{
    public const string ByPerson = "by-person";
    public const string ApplicationAccepted = "application-accepted";
    public const string TeamChange = "team-change";
}
