namespace Cro.Evaluation.Features.Consultation;

/// <summary>
/// The public page of a document, without an account. GET /api/evaluation/documents/{id} (or …/documents/by-slug/{slug})
/// — its published version rendered (sanitised HTML, headings with their sections' anchors), its sections, and beside it
/// the revision log of that version: what changed, why, and from what; each comment or recommendation the log refers to
/// is among the consultation's decisions, also public: the text, the section, the decision, its reason and where the
/// change is — never who wrote it (no name, address or link; only whom it came through: JST, workshop or partner).
/// Earlier published versions are listed by number and date. 404 for a document never published.
/// </summary>
public static class PublicDocuments
{
    [OpenApiSchemaName("PublicSectionHeading")]
    public sealed record SectionHeading(string Slug, string Title, int Level);

    /// <param name="Source">comment, recommendation, survey, monitoring or other.</param>
    /// <param name="CommentId">The comment (in <see cref="PublicDocument.Decisions"/>) the change came from.</param>
    /// <param name="RecommendationId">The partner's recommendation (in <see cref="PublicDocument.Decisions"/>) the change came from.</param>
    [OpenApiSchemaName("PublicRevision")]
    public sealed record Revision(int Ordinal, string? SectionSlug, string? SectionTitle, string What, string Why, string Source,
        Guid? CommentId, Guid? RecommendationId, string? Reference, string? ReferenceUrl);

    /// <param name="Kind">comment or recommendation.</param>
    /// <param name="From">jst, workshop or partner.</param>
    /// <param name="Version">The consulted version the item was made on.</param>
    [OpenApiSchemaName("PublicConsultationItem")]
    public sealed record ConsultationItem(Guid Id, string Kind, string From, int Version, string? SectionSlug, string Text, DecisionView? Decision);

    [OpenApiSchemaName("PublishedVersionSummary")]
    public sealed record PublishedVersion(int Number, DateTimeOffset PublishedAt, string? ChangeSummary, bool Current);

    /// <param name="Decisions">The comments and recommendations of the consultations this version followed, with ORE's decisions.</param>
    [OpenApiSchemaName("PublicDocument")]
    public sealed record PublicDocument(Guid Id, string Slug, string Kind, string Title, int Version, DateTimeOffset PublishedAt, string? ChangeSummary,
        string Html, IReadOnlyList<SectionHeading> Sections, IReadOnlyList<Revision> Revisions, IReadOnlyList<ConsultationItem> Decisions,
        IReadOnlyList<PublishedVersion> History);

    [OpenApiSchemaName("PublicDocumentSummary")]
    public sealed record PublicSummary(Guid Id, string Slug, string Kind, string Title, int Version, DateTimeOffset PublishedAt);

    public static IEndpointRouteBuilder MapPublicDocuments(this IEndpointRouteBuilder api)
    {
        api.MapGet("/public/documents", ListAsync)
            .WithName("ListPublishedDocuments").WithSummary("Opublikowane dokumenty programu / The programme's published documents")
            .Produces<IReadOnlyList<PublicSummary>>().AllowAnonymous();
        api.MapGet("/documents/{id:guid}", (Guid id, DataSession session) => GetAsync(session, "id = @key", id))
            .WithName("GetPublishedDocument").WithSummary("Opublikowana wersja dokumentu z rejestrem zmian / The published version with its revision log")
            .Produces<PublicDocument>().ProducesProblem(StatusCodes.Status404NotFound).AllowAnonymous();
        api.MapGet("/documents/by-slug/{slug}", (string slug, DataSession session) => GetAsync(session, "slug = @key", slug))
            .WithName("GetPublishedDocumentBySlug").WithSummary("Opublikowana wersja dokumentu po adresie / The published version by its address")
            .Produces<PublicDocument>().ProducesProblem(StatusCodes.Status404NotFound).AllowAnonymous();
        return api;
    }

    private static async Task<IResult> ListAsync(DataSession session) =>
        TypedResults.Ok((await session.QueryAsync<(Guid, string, string, string, int, DateTime)>("""
            SELECT d.id, d.slug, d.kind, d.title, v.number, v.published_at
            FROM documents d JOIN document_versions v ON v.document_id = d.id AND v.status = 'published'
            ORDER BY d.kind = 'concept' DESC, d.title COLLATE "pl-x-icu", d.id
            """)).Select(r => new PublicSummary(r.Item1, r.Item2, r.Item3, r.Item4, r.Item5, Utc(r.Item6))).ToList());

    private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));

    private static async Task<IResult> GetAsync(DataSession session, string where, object key)
    {
        var document = await session.QuerySingleOrDefaultAsync<DocumentRow?>(DocumentRow.Select + " WHERE " + where, new { key });
        var versions = document is null ? [] : await VersionRow.ListAsync(session, document.Id);
        if (document is null || versions.SingleOrDefault(v => v.Status == VersionStatus.Published) is not { } current)
        {
            return ProblemDetailsDefaults.NotFound("Nie ma takiego opublikowanego dokumentu.", "There is no such published document.");
        }
        var sections = MarkdownSections.Of(current.Markdown);
        var titles = sections.ToDictionary(s => s.Slug, s => s.Title);
        var revisions = (await session.QueryAsync<RevisionRow>("""
            SELECT ordinal, section_slug, what, why, source, comment_id, recommendation_id, reference, reference_url
            FROM document_revisions WHERE version_id = @Id ORDER BY ordinal
            """, new { current.Id })).Select(r => new Revision(r.Ordinal, r.SectionSlug, r.SectionSlug is null ? null : titles.GetValueOrDefault(r.SectionSlug),
            r.What, r.Why, r.Source, r.CommentId, r.RecommendationId, r.Reference, r.ReferenceUrl)).ToList();
        // The consultations this version followed: those of versions after the one published before it, up to itself.
        var previous = versions.Where(v => v.Number < current.Number && v.PublishedAt is not null).Select(v => v.Number).DefaultIfEmpty(0).Max();
        var range = new { documentId = document.Id, from = previous, to = current.Number };
        var comments = await session.QueryAsync<CommentRow>("""
            SELECT v.number AS version_number, c.id, c.consultation_id, c.invitation_id, c.partner_client, i.audience, i.workshop, c.section_slug, c.text,
                   c.created_at, c.decision, c.decision_reason, c.change_version, c.change_section, c.decided_at
            FROM document_comments c
            LEFT JOIN document_consultation_invitations i ON i.id = c.invitation_id
            JOIN document_consultations dc ON dc.id = c.consultation_id JOIN document_versions v ON v.id = dc.version_id
            WHERE dc.document_id = @documentId AND v.number > @from AND v.number <= @to AND c.decision IS NOT NULL
            ORDER BY v.number, c.created_at, c.id
            """, range);
        var recommendations = await session.QueryAsync<RecommendationRow>("""
            SELECT v.number AS version_number, r.id, r.consultation_id, r.ordinal, r.section_slug, r.text, r.decision, r.decision_reason, r.change_version,
                   r.change_section, r.decided_at
            FROM document_recommendations r
            JOIN document_consultations dc ON dc.id = r.consultation_id JOIN document_versions v ON v.id = dc.version_id
            WHERE dc.document_id = @documentId AND v.number > @from AND v.number <= @to AND r.decision IS NOT NULL
            ORDER BY v.number, r.ordinal
            """, range);
        var decisions = comments.Select(c => new ConsultationItem(c.Id, "comment", c.From, c.VersionNumber, c.SectionSlug, c.Text, c.DecisionView))
            .Concat(recommendations.Select(r => new ConsultationItem(r.Id, "recommendation", "partner", r.VersionNumber, r.SectionSlug, r.Text, r.DecisionView)))
            .ToList();
        var history = versions.Where(v => v.PublishedAt is not null).OrderByDescending(v => v.Number)
            .Select(v => new PublishedVersion(v.Number, v.PublishedAt!.Value, v.ChangeSummary, v.Id == current.Id)).ToList();
        return TypedResults.Ok(new PublicDocument(document.Id, document.Slug, document.Kind, document.Title, current.Number, current.PublishedAt!.Value,
            current.ChangeSummary, MarkdownRenderer.ToHtmlWithAnchors(current.Markdown), [.. sections.Select(s => new SectionHeading(s.Slug, s.Title, s.Level))],
            revisions, decisions, history));
    }

    private sealed class RevisionRow
    {
        public int Ordinal { get; init; }
        public string? SectionSlug { get; init; }
        public string What { get; init; } = "";
        public string Why { get; init; } = "";
        public string Source { get; init; } = "";
        public Guid? CommentId { get; init; }
        public Guid? RecommendationId { get; init; }
        public string? Reference { get; init; }
        public string? ReferenceUrl { get; init; }
    }
}
