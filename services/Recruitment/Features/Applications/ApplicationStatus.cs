namespace Cro.Recruitment.Features.Applications;

/// <summary>
/// The statuses of an application, as applications.status stores them (its CHECK constraint lists the same words) and
/// the API returns them: clients match on them. A decision (decisions.decision) is the status it moves the
/// application to, so decisions are written in these words too. SQL takes them by interpolation into its constants.
/// </summary>
public static class ApplicationStatus
{
    /// <summary>Started, still being filled in by the applicant with the key.</summary>
    public const string Draft = "draft";

    /// <summary>Submitted and scored, awaiting the operator's decision.</summary>
    public const string Submitted = "submitted";

    /// <summary>Holds one of the round's places.</summary>
    public const string Accepted = "accepted";

    /// <summary>On the round's reserve list: accepted when a place frees.</summary>
    public const string Reserve = "reserve";

    public const string Rejected = "rejected";

    /// <summary>The JST withdrew (its coordinator, or an operator on its behalf).</summary>
    public const string Withdrawn = "withdrawn";

    /// <summary>
    /// The statuses the unique index applications_one_live_per_jst allows once per JST and round: a JST with such an
    /// application cannot apply again in the round.
    /// </summary>
    public static readonly IReadOnlyList<string> Live = [Submitted, Accepted, Reserve];

    /// <summary><see cref="Live"/> as an SQL list, for <c>status IN (…)</c>.</summary>
    public const string LiveSql = $"'{Submitted}', '{Accepted}', '{Reserve}'";

    /// <summary>Every status an application can have once submitted: what operators review.</summary>
    public static readonly IReadOnlyList<string> SinceSubmission = [Submitted, Accepted, Reserve, Rejected, Withdrawn];
}
