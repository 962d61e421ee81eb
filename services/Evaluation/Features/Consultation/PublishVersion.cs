namespace Cro.Evaluation.Features.Consultation;

/// <summary>
/// POST /api/evaluation/documents/{id}/versions/{number}/publish — ORE publishes a version (a draft, or a version whose
/// consultation is closed) with its change summary and its revision log: what changed (a section of this version, or the
/// whole), why, and from what — a comment or recommendation of one of the document's consultations, a survey's finding
/// or a monitoring conclusion (a reference, with a link where there is one), or other. The version published before
/// becomes superseded, as do earlier versions never published. Refused with 409 while a consultation of this or an
/// earlier version is open, or has a comment or recommendation without a decision (the answer lists them); 400 for a
/// revision naming a section this version lacks, or a comment or recommendation not of this document's consultations.
/// </summary>
public static class PublishVersion
{
    public const int MaxRevisions = 200;

    public static readonly IReadOnlyDictionary<string, (string Pl, string En)> Sources = new Dictionary<string, (string, string)>
    {
        ["comment"] = ("uwaga z konsultacji", "a consultation comment"),
        ["recommendation"] = ("rekomendacja partnera", "the partner's recommendation"),
        ["survey"] = ("wynik ankiety", "a survey finding"),
        ["monitoring"] = ("wniosek z monitorowania", "a monitoring conclusion"),
        ["other"] = ("inna przyczyna", "another reason"),
    };

    /// <param name="Section">The section of the published version that changed; none for the whole.</param>
    /// <param name="Source">comment, recommendation, survey, monitoring or other.</param>
    /// <param name="Reference">What survey finding or monitoring conclusion (required for those), in words.</param>
    [OpenApiSchemaName("RevisionRequest")]
    public sealed record RevisionRequest(
        [property: FieldLabel("Sekcja", "Section")] string? Section,
        [property: FieldLabel("Co się zmieniło", "What changed")] string What,
        [property: FieldLabel("Dlaczego", "Why")] string Why,
        [property: FieldLabel("Źródło zmiany", "Source of the change")] string Source,
        [property: FieldLabel("Uwaga", "Comment")] Guid? CommentId,
        [property: FieldLabel("Rekomendacja", "Recommendation")] Guid? RecommendationId,
        [property: FieldLabel("Odwołanie", "Reference")] string? Reference,
        [property: FieldLabel("Adres odwołania", "Reference's address")] string? ReferenceUrl);

    [OpenApiSchemaName("PublishVersionRequest")]
    public sealed record PublishRequest(
        [property: FieldLabel("Podsumowanie zmian", "Summary of changes")] string ChangeSummary,
        [property: FieldLabel("Rejestr zmian", "Revision log")] IReadOnlyList<RevisionRequest>? Revisions);

    public sealed class RevisionValidator : AbstractValidator<RevisionRequest>
    {
        public RevisionValidator()
        {
            RuleFor(r => r.What).RequiredText(2000)
                .WithMessage(_ => Text.Pick("Opisz, co się zmieniło (do 2000 znaków).", "Say what changed (up to 2000 characters)."));
            RuleFor(r => r.Why).RequiredText(2000)
                .WithMessage(_ => Text.Pick("Napisz, dlaczego (do 2000 znaków).", "Say why (up to 2000 characters)."));
            RuleFor(r => r.Source).Must(s => s is not null && Sources.ContainsKey(s))
                .WithMessage(_ => Text.Pick("Źródło: comment, recommendation, survey, monitoring albo other.", "Source: comment, recommendation, survey, monitoring or other."));
            RuleFor(r => r.CommentId).Must((r, id) => (r.Source == "comment") == id.HasValue)
                .WithMessage(_ => Text.Pick("Uwagę wskazuje się wtedy i tylko wtedy, gdy źródłem jest uwaga.", "A comment is named when, and only when, the source is a comment."));
            RuleFor(r => r.RecommendationId).Must((r, id) => (r.Source == "recommendation") == id.HasValue)
                .WithMessage(_ => Text.Pick("Rekomendację wskazuje się wtedy i tylko wtedy, gdy źródłem jest rekomendacja.",
                    "A recommendation is named when, and only when, the source is a recommendation."));
            RuleFor(r => r.Reference).Must((r, reference) => reference is null or { Length: <= 1000 }
                    && (r.Source is not ("survey" or "monitoring") || !string.IsNullOrWhiteSpace(reference)))
                .WithMessage(_ => Text.Pick("Wskaż wynik ankiety albo wniosek z monitorowania (do 1000 znaków).",
                    "Name the survey finding or the monitoring conclusion (up to 1000 characters)."));
            RuleFor(r => r.ReferenceUrl).Must(url => string.IsNullOrWhiteSpace(url)
                    || url.Length <= 2000 && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var u) && u.Scheme is "https" or "http"
                    || url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && url.Length <= 2000)
                .WithMessage(_ => Text.Pick("Adres odwołania zaczyna się od https:// (albo / na tej stronie).", "The reference's address starts with https:// (or / on this site)."));
        }
    }

    public sealed class Validator : AbstractValidator<PublishRequest>
    {
        public Validator()
        {
            RuleFor(r => r.ChangeSummary).RequiredText(ManageDocuments.MaxSummary)
                .WithMessage(_ => Text.Pick($"Podsumuj zmiany tej wersji (do {ManageDocuments.MaxSummary} znaków).",
                    $"Summarise this version's changes (up to {ManageDocuments.MaxSummary} characters)."));
            RuleFor(r => r.Revisions).Must(r => r is null || r.Count <= MaxRevisions)
                .WithMessage(_ => Text.Pick($"Rejestr zmian ma do {MaxRevisions} pozycji.", $"The revision log has up to {MaxRevisions} entries."));
            RuleForEach(r => r.Revisions).SetValidator(new RevisionValidator());
        }
    }

    public static RouteHandlerBuilder MapPublishVersion(this IEndpointRouteBuilder api) => api
        .MapPost("/documents/{id:guid}/versions/{number:int}/publish", PublishAsync)
        .WithName("PublishDocumentVersion").WithSummary("Opublikuj wersję z rejestrem zmian / Publish a version with its revision log")
        .Validate<PublishRequest>().Produces<ManageDocuments.VersionView>()
        .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
        .RequireAuthorization(Policies.Operator);

    private static async Task<IResult> PublishAsync(Guid id, int number, PublishRequest request, HttpContext context, DataSession session, TimeProvider time)
    {
        var now = time.GetUtcNow();
        if (await DocumentRow.FindAsync(session, id, forUpdate: true) is null)
        {
            return DocumentRow.NotFound();
        }
        if (await VersionRow.FindAsync(session, id, number) is not { } version)
        {
            return VersionRow.NotFound();
        }
        if (version.Status is not (VersionStatus.Draft or VersionStatus.InConsultation))
        {
            return Problems.Conflict("Tej wersji nie można opublikować.", "This version cannot be published.",
                $"Wersja {number} ma stan „{version.Status}”; publikuje się projekt albo wersję po konsultacjach, raz.",
                $"Version {number} is '{version.Status}'; a draft or a consulted version is published, once.");
        }
        var consultations = (await session.QueryAsync<ConsultationRow>(ConsultationRow.Select + " WHERE c.document_id = @id AND v.number <= @number",
            new { id, number })).ToList();
        if (consultations.FirstOrDefault(c => c.StateAt(now) != ConsultationPeriod.Closed) is { } open)
        {
            return Problems.Conflict("Konsultacje jeszcze trwają.", "A consultation is still on.",
                $"Konsultacje wersji {open.Version} trwają do {open.ClosesOn:dd.MM.yyyy}; zakończ je przed publikacją.",
                $"The consultation of version {open.Version} runs until {open.ClosesOn:yyyy-MM-dd}; close it before publishing.");
        }
        var undecided = (await session.QueryAsync<(int Version, string Kind, Guid Id, string? Section)>("""
            SELECT v.number, 'comment', x.id, x.section_slug FROM document_comments x
            JOIN document_consultations c ON c.id = x.consultation_id JOIN document_versions v ON v.id = c.version_id
            WHERE c.document_id = @id AND v.number <= @number AND x.decision IS NULL
            UNION ALL
            SELECT v.number, 'recommendation', x.id, x.section_slug FROM document_recommendations x
            JOIN document_consultations c ON c.id = x.consultation_id JOIN document_versions v ON v.id = c.version_id
            WHERE c.document_id = @id AND v.number <= @number AND x.decision IS NULL
            ORDER BY 1, 2, 3
            """, new { id, number })).ToList();
        if (undecided.Count > 0)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict,
                title: Text.Pick("Nie wszystkie uwagi i rekomendacje są rozstrzygnięte.", "Not every comment and recommendation is decided."),
                detail: Text.Pick($"Przed publikacją rozstrzygnij {undecided.Count} pozycji z konsultacji.", $"Decide {undecided.Count} consultation items before publishing."),
                extensions: new Dictionary<string, object?>
                {
                    ["undecided"] = undecided.Select(u => new { version = u.Version, kind = u.Kind, id = u.Id, section = u.Section }).ToList(),
                });
        }
        var revisions = request.Revisions ?? [];
        var sections = version.Sections.Select(s => s.Slug).ToHashSet();
        var consultationIds = consultations.Select(c => c.Id).ToArray();
        var comments = (await session.QueryAsync<Guid>("SELECT id FROM document_comments WHERE consultation_id = ANY(@consultationIds)", new { consultationIds })).ToHashSet();
        var recommendations = (await session.QueryAsync<Guid>("SELECT id FROM document_recommendations WHERE consultation_id = ANY(@consultationIds)",
            new { consultationIds })).ToHashSet();
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < revisions.Count; i++)
        {
            var r = revisions[i];
            if (!string.IsNullOrWhiteSpace(r.Section) && !sections.Contains(r.Section.Trim()))
            {
                errors[$"revisions[{i}].section"] = [Text.Pick($"Wersja {number} nie ma takiej sekcji.", $"Version {number} has no such section.")];
            }
            if (r.CommentId is { } comment && !comments.Contains(comment))
            {
                errors[$"revisions[{i}].commentId"] = [Text.Pick("To nie jest uwaga z konsultacji tego dokumentu.", "This is not a comment of this document's consultations.")];
            }
            if (r.RecommendationId is { } recommendation && !recommendations.Contains(recommendation))
            {
                errors[$"revisions[{i}].recommendationId"] = [Text.Pick("To nie jest rekomendacja z konsultacji tego dokumentu.",
                    "This is not a recommendation of this document's consultations.")];
            }
        }
        if (errors.Count > 0)
        {
            return ProblemDetailsDefaults.ValidationProblem(errors);
        }
        var by = context.User.PersonId();
        await session.ExecuteAsync($"""
            UPDATE document_versions SET status = '{VersionStatus.Superseded}', updated_at = @now
            WHERE document_id = @id AND number <> @number AND (status = '{VersionStatus.Published}' OR number < @number AND status <> '{VersionStatus.Superseded}');
            UPDATE document_versions SET status = '{VersionStatus.Published}', change_summary = @summary, published_by = @by, published_at = @now, updated_at = @now
            WHERE id = @versionId;
            """, new { id, number, versionId = version.Id, summary = request.ChangeSummary.Trim(), by, now = now.ToUniversalTime() });
        var ordinal = 0;
        foreach (var r in revisions)
        {
            await session.ExecuteAsync("""
                INSERT INTO document_revisions (id, version_id, ordinal, section_slug, what, why, source, comment_id, recommendation_id, reference, reference_url)
                VALUES (@revisionId, @versionId, @ordinal, @section, @what, @why, @Source, @CommentId, @RecommendationId, @reference, @url)
                """, new
            {
                revisionId = Guid.CreateVersion7(), versionId = version.Id, ordinal = ++ordinal,
                section = string.IsNullOrWhiteSpace(r.Section) ? null : r.Section.Trim(), what = r.What.Trim(), why = r.Why.Trim(), r.Source, r.CommentId,
                r.RecommendationId, reference = string.IsNullOrWhiteSpace(r.Reference) ? null : r.Reference.Trim(),
                url = string.IsNullOrWhiteSpace(r.ReferenceUrl) ? null : r.ReferenceUrl.Trim(),
            });
        }
        var published = (await VersionRow.FindAsync(session, id, number))!;
        await session.CommitAsync();
        return TypedResults.Ok(ManageDocuments.ViewOf(published));
    }
}
