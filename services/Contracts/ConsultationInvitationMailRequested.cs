namespace Cro.Contracts;

/// <summary>
/// A JST's team invites someone (a school's director, a teacher, a parents' council …), by e-mail and without an account,
/// to comment on the draft of its strategic plan: notifications mails them their personal link. As with
/// <see cref="SchoolLinkMailRequested"/>, the event never carries the token: the mailer derives it from
/// <see cref="LinkId"/> with the secret the two services share (LinkTokens).
/// </summary>
public sealed record ConsultationInvitationMailRequested : IIntegrationEvent
{
    public required Guid ConsultationId { get; init; }
    public required Guid PlanId { get; init; }
    public required Guid LinkId { get; init; }
    public required string JstTerc { get; init; }
    public string? JstName { get; init; }
    public required string Email { get; init; }
    /// <summary>The absolute address of the consultation's page, to which the token is appended.</summary>
    public required Uri FormUrl { get; init; }
    /// <summary>The consultation's first and last day (Europe/Warsaw); the link stops working after the last.</summary>
    public required DateOnly OpensOn { get; init; }
    public required DateOnly ClosesOn { get; init; }
    public required DateTimeOffset RequestedAt { get; init; }
}
