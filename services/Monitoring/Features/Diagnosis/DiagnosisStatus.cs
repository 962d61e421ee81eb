using System.Security.Claims;

namespace Cro.Monitoring.Features.Diagnosis;

/// <summary>
/// Where a diagnosis stands after collection: the team's <see cref="Draft"/> of findings and recommendations,
/// <see cref="Submitted"/> to review, <see cref="Returned"/> for changes, <see cref="Accepted"/>.
/// </summary>
public static class DiagnosisStatus
{
    public const string Draft = "draft";
    public const string Submitted = "submitted";
    public const string Returned = "returned";
    public const string Accepted = "accepted";

    /// <summary>The team changes findings and recommendations, and submits, only in these.</summary>
    public static bool IsEditable(string status) => status is Draft or Returned;

    public static (string Pl, string En) Words(string status) => status switch
    {
        Draft => ("w przygotowaniu", "a draft"),
        Submitted => ("przesłana do oceny", "submitted to review"),
        Returned => ("zwrócona do poprawy", "returned for changes"),
        _ => ("zaakceptowana", "accepted"),
    };

    /// <summary>409 naming the diagnosis's state and what the operation needs.</summary>
    public static IResult WrongState(string status, string needsPl, string needsEn)
    {
        var (pl, en) = Words(status);
        return Problems.Conflict($"Diagnoza jest {pl}.", $"The diagnosis is {en}.", $"Diagnoza jest {pl}; {needsPl}", $"The diagnosis is {en}; {needsEn}");
    }

    public static IResult NotEditable(string status) => WrongState(status,
        "ustalenia i rekomendacje zmienia się w diagnozie w przygotowaniu albo zwróconej do poprawy.",
        "findings and recommendations change while the diagnosis is a draft or returned for changes.");
}

/// <summary>A diagnosis as its review sees it, locked for the change.</summary>
public sealed record ReviewedDiagnosis(Guid Id, string JstTerc, string Kind, int InstrumentVersion, string Status, int Round)
{
    private const string Select = "SELECT id, jst_terc, kind, instrument_version, status, round FROM diagnoses WHERE id = @id";

    /// <summary>The diagnosis of the caller's own JST (the team's), locked; null otherwise (a 404).</summary>
    public static Task<ReviewedDiagnosis?> ForTeamAsync(DataSession session, ClaimsPrincipal user, Guid id) =>
        session.QuerySingleOrDefaultAsync<ReviewedDiagnosis>(Select + " AND jst_terc = @terc FOR UPDATE", new { id, terc = user.JstTerc() });

    /// <summary>The diagnosis as far as the caller's scope sees it (an advisor's advised JST, all for ORE), locked; null otherwise.</summary>
    public static Task<ReviewedDiagnosis?> ForReviewerAsync(DataSession session, Guid id) =>
        session.QuerySingleOrDefaultAsync<ReviewedDiagnosis>(Select + " FOR UPDATE", new { id });

    /// <summary>Adds an entry to the review's history.</summary>
    public Task RecordAsync(DataSession session, string action, int round, string? text, Guid? actor, DateTimeOffset at, Guid? commentId = null) =>
        session.ExecuteAsync("""
            INSERT INTO diagnosis_review_history (id, diagnosis_id, jst_terc, round, action, comment_id, text, actor, at)
            VALUES (@historyId, @Id, @JstTerc, @round, @action, @commentId, @text, @actor, @at)
            """, new { historyId = Guid.CreateVersion7(), Id, JstTerc, round, action, commentId, text, actor, at = at.ToUniversalTime() });
}

public static class ReviewAction
{
    public const string Submitted = "submitted";
    public const string Commented = "commented";
    public const string ChangesRequested = "changes-requested";
    public const string CommentAddressed = "comment-addressed";
    public const string Accepted = "accepted";
}
