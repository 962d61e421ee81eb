using System.Text.Json;

namespace Cro.Publishing.Features.Practices;

/// <summary>
/// A practice as its authors, its advisor and ORE see it: the text being written (or the one last submitted), its authors
/// and files, every version's summary and the review history with the reviewers' comments.
/// </summary>
/// <param name="Status"><see cref="PracticeStatus"/>: draft, submitted, editor-review, changes-requested, published, unpublished.</param>
/// <param name="Revision">Grows with every save; a save names the revision it changes.</param>
/// <param name="Round">Submissions so far (= versions).</param>
/// <param name="ReturnedFrom">Who asked for the changes last (advisor or editor): a resubmission goes back to them.</param>
/// <param name="ProposalId">The proposal the practice was started from, if any.</param>
/// <param name="ByPartner">Written by the partner association's API client on the JST's behalf.</param>
/// <param name="TotalCost">The sum of the costs, PLN.</param>
/// <param name="PublishedVersion">The version in the catalogue while published.</param>
[OpenApiSchemaName("GoodPractice")]
public sealed record PracticeView(Guid Id, string JstTerc, string JstName, string? JstKind, string Status, int Revision, int Round, string? ReturnedFrom,
    Guid? ProposalId, bool ByPartner, PracticeTemplate Template, IReadOnlyList<PracticeAuthor> Authors, decimal TotalCost, IReadOnlyList<PracticeFileView> Files,
    IReadOnlyList<PracticeVersionSummary> Versions, IReadOnlyList<PracticeReview> Reviews, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    DateTimeOffset? SubmittedAt, int? PublishedVersion, DateTimeOffset? FirstPublishedAt, DateTimeOffset? PublishedAt, DateTimeOffset? UnpublishedAt,
    string? UnpublishReason)
{
    /// <summary>The practice as far as the caller's scope sees it; null otherwise (a 404).</summary>
    public static async Task<PracticeView?> FindAsync(DataSession session, Guid id) =>
        await PracticeRow.FindAsync(session, id) is { } row ? await OfAsync(session, row) : null;

    public static async Task<PracticeView> OfAsync(DataSession session, PracticeRow row)
    {
        using var rows = await session.QueryMultipleAsync("""
            SELECT number, submitted_at, (submitted_by_client IS NOT NULL) AS by_partner FROM practice_versions WHERE practice_id = @Id ORDER BY number;
            SELECT version, stage, decision, comment, reviewer_name, at FROM practice_reviews WHERE practice_id = @Id ORDER BY at, id;
            """, new { row.Id });
        var versions = await rows.ReadAsync<PracticeVersionSummary>();
        var reviews = await rows.ReadAsync<PracticeReview>();
        var authors = row.AuthorList;
        var template = row.Document with { Authors = PracticeAuthors.AsInputs(authors) };
        return new PracticeView(row.Id, row.JstTerc, row.JstDisplayName, row.JstKind, row.Status, row.Revision, row.Round, row.ReturnedFrom, row.ProposalId,
            row.CreatedByClient is not null, template, authors, template.CostTotal(), await PracticeFileView.CurrentAsync(session, row.Id), [.. versions],
            [.. reviews], row.CreatedAt, row.UpdatedAt, row.SubmittedAt, row.PublishedVersion, row.FirstPublishedAt, row.PublishedAt, row.UnpublishedAt,
            row.UnpublishReason);
    }
}

[OpenApiSchemaName("PracticeVersionSummary")]
public sealed record PracticeVersionSummary(int Number, DateTimeOffset SubmittedAt, bool ByPartner);

/// <param name="Version">The version reviewed.</param>
/// <param name="Stage">advisor or editor.</param>
/// <param name="Decision">approved (passed to ORE's editors), changes-requested, published, unpublished.</param>
/// <param name="Comment">What to change, or why it was unpublished.</param>
[OpenApiSchemaName("PracticeReview")]
public sealed record PracticeReview(int Version, string Stage, string Decision, string? Comment, string ReviewerName, DateTimeOffset At);

/// <summary>A version of a practice as it was submitted: its text, authors and files then, and the reviews of it.</summary>
[OpenApiSchemaName("GoodPracticeVersion")]
public sealed record PracticeVersionView(Guid PracticeId, int Number, PracticeTemplate Template, IReadOnlyList<PracticeAuthor> Authors, decimal TotalCost,
    IReadOnlyList<PracticeFileView> Files, bool ByPartner, DateTimeOffset SubmittedAt, IReadOnlyList<PracticeReview> Reviews)
{
    private sealed record Row(Guid PracticeId, int Number, string Template, string Authors, string Files, bool ByPartner, DateTimeOffset SubmittedAt);

    /// <summary>The version, as far as the caller's scope sees its practice; null otherwise.</summary>
    public static async Task<PracticeVersionView?> FindAsync(DataSession session, Guid practiceId, int number)
    {
        var row = await session.QuerySingleOrDefaultAsync<Row>("""
            SELECT practice_id, number, template::text AS template, authors::text AS authors, files::text AS files,
                   (submitted_by_client IS NOT NULL) AS by_partner, submitted_at
            FROM practice_versions WHERE practice_id = @practiceId AND number = @number
            """, new { practiceId, number });
        if (row is null)
        {
            return null;
        }
        var reviews = await session.QueryAsync<PracticeReview>(
            "SELECT version, stage, decision, comment, reviewer_name, at FROM practice_reviews WHERE practice_id = @practiceId AND version = @number ORDER BY at, id",
            new { practiceId, number });
        var authors = JsonSerializer.Deserialize<List<PracticeAuthor>>(row.Authors, PracticeRow.Json)!;
        var template = JsonSerializer.Deserialize<PracticeTemplate>(row.Template, PracticeRow.Json)! with { Authors = PracticeAuthors.AsInputs(authors) };
        return new PracticeVersionView(row.PracticeId, row.Number, template, authors, template.CostTotal(),
            JsonSerializer.Deserialize<List<PracticeFileView>>(row.Files, PracticeRow.Json)!, row.ByPartner, row.SubmittedAt, [.. reviews]);
    }
}
