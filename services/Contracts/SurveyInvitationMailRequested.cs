namespace Cro.Contracts;

/// <summary>
/// Evaluation asks for a survey's invitation to be mailed: when it issues the survey after a point of the programme (a
/// module completed, an advisory engagement ended, a conference attended; <see cref="SurveyMailKinds.Issued"/>), or as a
/// reminder to someone who has not answered yet (<see cref="SurveyMailKinds.Reminder"/>). As with
/// <see cref="SchoolLinkMailRequested"/>, the event never carries the link's token: the mailer derives it from
/// <see cref="InvitationId"/> with the secret the two services share (LinkTokens).
/// </summary>
public sealed record SurveyInvitationMailRequested : IIntegrationEvent
{
    public required Guid InvitationId { get; init; }
    public required string Email { get; init; }
    public string? FullName { get; init; }
    /// <summary>module-completed, engagement-ended or conference-attended.</summary>
    public required string Occasion { get; init; }
    public required string SurveyTitle { get; init; }
    /// <summary>What the survey is about, in Polish (a module's title, a conference's title, a JST's advisory).</summary>
    public required string Subject { get; init; }
    /// <summary>The absolute address of the survey's page, to which the token is appended.</summary>
    public required Uri FormUrl { get; init; }
    /// <summary>The last day (Europe/Warsaw) answers are taken.</summary>
    public required DateOnly ClosesOn { get; init; }
    /// <summary><see cref="SurveyMailKinds"/>.</summary>
    public required string Kind { get; init; }
    /// <summary>1 or 2 for a reminder; 0 for the first mail.</summary>
    public required int ReminderNumber { get; init; }
    public required DateTimeOffset RequestedAt { get; init; }
}

/// <summary>The values of <see cref="SurveyInvitationMailRequested.Kind"/>.</summary>
public static class SurveyMailKinds
{
    public const string Issued = "issued";
    public const string Reminder = "reminder";
}
