namespace Cro.Contracts;

/// <summary>
/// ORE invites someone (a JST's representative, a workshop's participant, a person of the partner association), by
/// e-mail and without an account, to comment on a draft version of one of the programme's documents (its concept, a
/// training programme, a material): notifications mails them their personal link. As with
/// <see cref="ConsultationInvitationMailRequested"/>, the event never carries the token: the mailer derives it from
/// <see cref="LinkId"/> with the secret the two services share (LinkTokens).
/// </summary>
public sealed record DocumentConsultationInvitationMailRequested : IIntegrationEvent
{
    public required Guid ConsultationId { get; init; }
    public required Guid DocumentId { get; init; }
    public required Guid LinkId { get; init; }
    public required string DocumentTitle { get; init; }
    /// <summary>concept, programme or material.</summary>
    public required string DocumentKind { get; init; }
    public required int Version { get; init; }
    /// <summary>jst, workshop or partner: whom the person is invited as.</summary>
    public required string Audience { get; init; }
    /// <summary>The workshop whose participants are invited, when <see cref="Audience"/> is workshop.</summary>
    public string? Workshop { get; init; }
    public required string Email { get; init; }
    /// <summary>The absolute address of the consultation's page, to which the token is appended.</summary>
    public required Uri FormUrl { get; init; }
    /// <summary>The consultation's first and last day (Europe/Warsaw); the link stops working after the last.</summary>
    public required DateOnly OpensOn { get; init; }
    public required DateOnly ClosesOn { get; init; }
    public required DateTimeOffset RequestedAt { get; init; }
}
