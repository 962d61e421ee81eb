namespace Cro.Contracts;

/// <summary>
/// A JST's team asks for a school director's diagnosis link to be mailed: when it issues the link with the director's
/// address (<see cref="SchoolLinkMailOccasions.Issued"/>), or as a reminder to a school that has not submitted its
/// questionnaire (<see cref="SchoolLinkMailOccasions.Reminder"/>). The event never carries the link's token: the
/// mailer derives it from <see cref="LinkId"/> with the secret the two services share (LinkTokens), so the token
/// is stored nowhere but in the mail.
/// </summary>
public sealed record SchoolLinkMailRequested : IIntegrationEvent
{
    public required Guid DiagnosisId { get; init; }
    public required Guid QuestionnaireId { get; init; }
    public required Guid LinkId { get; init; }
    public required string JstTerc { get; init; }
    public string? JstName { get; init; }
    public required string SchoolName { get; init; }
    public required string DirectorEmail { get; init; }
    /// <summary>The absolute address of the director's form, to which the token is appended.</summary>
    public required Uri FormUrl { get; init; }
    /// <summary>When the link stops working; null: when the team ends the diagnosis's collection.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }
    /// <summary><see cref="SchoolLinkMailOccasions"/>.</summary>
    public required string Occasion { get; init; }
    public required DateTimeOffset RequestedAt { get; init; }
}

/// <summary>The values of <see cref="SchoolLinkMailRequested.Occasion"/>.</summary>
public static class SchoolLinkMailOccasions
{
    public const string Issued = "issued";
    public const string Reminder = "reminder";
}
