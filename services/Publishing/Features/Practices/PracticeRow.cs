using System.Text.Json;

namespace Cro.Publishing.Features.Practices;

/// <summary>A practice as stored; its text and authors are the jsonb documents of <see cref="PracticeTemplate"/> and <see cref="PracticeAuthor"/>s.</summary>
public sealed record PracticeRow(Guid Id, string JstTerc, string? JstName, string? JstKind, string Status, string Template, string Authors, int Revision,
    int Round, string? ReturnedFrom, Guid? ProposalId, Guid? CreatedBy, string? CreatedByClient, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    DateTimeOffset? SubmittedAt, int? PublishedVersion, DateTimeOffset? FirstPublishedAt, DateTimeOffset? PublishedAt, DateTimeOffset? UnpublishedAt,
    string? UnpublishReason)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [ExplicitConstructor]
    private PracticeRow() : this(Guid.Empty, "", null, null, "", "{}", "[]", 0, 0, null, null, null, null, default, default, null, null, null, null, null, null)
    {
    }

    public PracticeTemplate Document => JsonSerializer.Deserialize<PracticeTemplate>(Template, Json)!;

    public IReadOnlyList<PracticeAuthor> AuthorList => JsonSerializer.Deserialize<List<PracticeAuthor>>(Authors, Json) ?? [];

    public string JstDisplayName => JstName ?? JstTerc;

    public const string Select = """
        SELECT p.id, p.jst_terc, j.name AS jst_name, j.kind AS jst_kind, p.status, p.template::text AS template, p.authors::text AS authors, p.revision,
               p.round, p.returned_from, p.proposal_id, p.created_by, p.created_by_client, p.created_at, p.updated_at, p.submitted_at,
               p.published_version, p.first_published_at, p.published_at, p.unpublished_at, p.unpublish_reason
        FROM practices p LEFT JOIN jst j ON j.terc = p.jst_terc
        """;

    /// <summary>The practice as far as the caller's scope sees it, locked for a change when asked; null otherwise (a 404).</summary>
    public static Task<PracticeRow?> FindAsync(DataSession session, Guid id, bool forUpdate = false) =>
        session.QuerySingleOrDefaultAsync<PracticeRow>(Select + " WHERE p.id = @id" + (forUpdate ? " FOR UPDATE OF p" : ""), new { id });

    /// <summary>Records a step of the practice's review in its history.</summary>
    public Task RecordReviewAsync(DataSession session, int version, string stage, string decision, string? comment, Caller reviewer, DateTimeOffset at) =>
        session.ExecuteAsync("""
            INSERT INTO practice_reviews (id, practice_id, jst_terc, version, stage, decision, comment, reviewer, reviewer_name, at)
            VALUES (@reviewId, @Id, @JstTerc, @version, @stage, @decision, @comment, @reviewer, @reviewerName, @at)
            """, new
        {
            reviewId = Guid.CreateVersion7(), Id, JstTerc, version, stage, decision, comment, reviewer = reviewer.UserId, reviewerName = reviewer.DisplayName,
            at = at.ToUniversalTime(),
        });

    public static string ToJson<T>(T value) => JsonSerializer.Serialize(value, Json);

    public static IResult NotFound() => ProblemDetailsDefaults.NotFound("Nie ma takiej dobrej praktyki.", "There is no such good practice.");
}
