namespace Cro.Evaluation.Features.Consultation;

/// <summary>The kinds of programme documents: the concept, a training programme, a material.</summary>
public static class DocumentKinds
{
    public static readonly IReadOnlyDictionary<string, (string Pl, string En)> All = new Dictionary<string, (string, string)>
    {
        ["concept"] = ("koncepcja programu", "the programme's concept"),
        ["programme"] = ("program szkolenia", "training programme"),
        ["material"] = ("materiał", "material"),
    };
}

/// <summary>
/// Where a version stands: a draft ORE edits; in consultation (its text fixed; comments taken while its consultation is
/// open); published (the one the public reads); superseded (published before, or left behind by a later publication).
/// </summary>
public static class VersionStatus
{
    public const string Draft = "draft";
    public const string InConsultation = "in-consultation";
    public const string Published = "published";
    public const string Superseded = "superseded";
}

/// <summary>A document as stored.</summary>
public sealed class DocumentRow
{
    public Guid Id { get; init; }
    public string Slug { get; init; } = "";
    public string Kind { get; init; } = "";
    public string Title { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }

    public const string Select = "SELECT id, slug, kind, title, created_at FROM documents";

    /// <summary>The document, locked when asked: every change of its versions locks it first, so they never cross.</summary>
    public static Task<DocumentRow?> FindAsync(DataSession session, Guid id, bool forUpdate = false) =>
        session.QuerySingleOrDefaultAsync<DocumentRow?>(Select + " WHERE id = @id" + (forUpdate ? " FOR UPDATE" : ""), new { id });

    public static IResult NotFound() => ProblemDetailsDefaults.NotFound("Nie ma takiego dokumentu.", "There is no such document.");
}

/// <summary>A document's version as stored.</summary>
public sealed class VersionRow
{
    public Guid Id { get; init; }
    public Guid DocumentId { get; init; }
    public int Number { get; init; }
    public string Markdown { get; init; } = "";
    public string Status { get; init; } = "";
    public string? ChangeSummary { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }

    public const string Select = """
        SELECT id, document_id, number, markdown, status, change_summary, created_at, updated_at, published_at FROM document_versions
        """;

    public static Task<VersionRow?> FindAsync(DataSession session, Guid documentId, int number) =>
        session.QuerySingleOrDefaultAsync<VersionRow?>(Select + " WHERE document_id = @documentId AND number = @number", new { documentId, number });

    public static async Task<IReadOnlyList<VersionRow>> ListAsync(DataSession session, Guid documentId) =>
        [.. await session.QueryAsync<VersionRow>(Select + " WHERE document_id = @documentId ORDER BY number", new { documentId })];

    public IReadOnlyList<MarkdownSection> Sections => MarkdownSections.Of(Markdown);

    public static IResult NotFound() => ProblemDetailsDefaults.NotFound("Dokument nie ma takiej wersji.", "The document has no such version.");
}

/// <summary>A section of a version: its anchor, heading, level, and its text rendered and sanitised.</summary>
[OpenApiSchemaName("DocumentSection")]
public sealed record SectionView(string Slug, string Title, int Level, string Html)
{
    public static IReadOnlyList<SectionView> Of(string markdown) =>
        [.. MarkdownSections.Of(markdown).Select(s => new SectionView(s.Slug, s.Title, s.Level, MarkdownRenderer.ToHtml(s)))];
}

/// <summary>ORE's decision on a comment or a recommendation.</summary>
/// <param name="Decision">accepted, partly or rejected.</param>
/// <param name="ChangeVersion">The later version the change was made in, with <paramref name="ChangeSection"/> its section.</param>
[OpenApiSchemaName("ConsultationDecision")]
public sealed record DecisionView(string Decision, string? Reason, int? ChangeVersion, string? ChangeSection, DateTimeOffset DecidedAt);

/// <summary>The decision columns a comment and a recommendation share.</summary>
public abstract class DecidedRow
{
    public Guid Id { get; init; }
    public Guid ConsultationId { get; init; }
    public string? SectionSlug { get; init; }
    public string Text { get; init; } = "";
    public string? Decision { get; init; }
    public string? DecisionReason { get; init; }
    public int? ChangeVersion { get; init; }
    public string? ChangeSection { get; init; }
    public DateTimeOffset? DecidedAt { get; init; }

    /// <summary>The consulted version's number, where a query reads it.</summary>
    public int VersionNumber { get; init; }

    public DecisionView? DecisionView =>
        Decision is null ? null : new DecisionView(Decision, DecisionReason, ChangeVersion, ChangeSection, DecidedAt!.Value);
}

public sealed class CommentRow : DecidedRow
{
    public Guid? InvitationId { get; init; }
    public string? PartnerClient { get; init; }
    public string? Audience { get; init; }
    public string? Workshop { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Who the comment came from, as a kind, never a person: jst, workshop, partner (a partner's person or its API client).</summary>
    public string From => PartnerClient is not null ? "partner" : Audience ?? "jst";

    public const string Select = """
        SELECT c.id, c.consultation_id, c.invitation_id, c.partner_client, i.audience, i.workshop, c.section_slug, c.text, c.created_at,
               c.decision, c.decision_reason, c.change_version, c.change_section, c.decided_at
        FROM document_comments c LEFT JOIN document_consultation_invitations i ON i.id = c.invitation_id
        """;
}

public sealed class RecommendationRow : DecidedRow
{
    public int Ordinal { get; init; }

    public const string Select = """
        SELECT id, consultation_id, ordinal, section_slug, text, decision, decision_reason, change_version, change_section, decided_at
        FROM document_recommendations
        """;
}

/// <summary>A version's consultation as stored, with the document and the version's number.</summary>
public sealed class ConsultationRow
{
    public Guid Id { get; init; }
    public Guid DocumentId { get; init; }
    public Guid VersionId { get; init; }
    public int Version { get; init; }
    public string Markdown { get; init; } = "";
    public string Title { get; init; } = "";
    public string Kind { get; init; } = "";
    public DateOnly OpensOn { get; init; }
    public DateOnly ClosesOn { get; init; }
    public DateTimeOffset OpenedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }

    public string StateAt(DateTimeOffset now) => ConsultationPeriod.StateAt(OpensOn, ClosesOn, ClosedAt, now);

    public const string Select = """
        SELECT c.id, c.document_id, c.version_id, v.number AS version, v.markdown, d.title, d.kind, c.opens_on, c.closes_on, c.opened_at, c.closed_at
        FROM document_consultations c JOIN document_versions v ON v.id = c.version_id JOIN documents d ON d.id = c.document_id
        """;

    public static Task<ConsultationRow?> FindAsync(DataSession session, Guid id, bool forUpdate = false) =>
        session.QuerySingleOrDefaultAsync<ConsultationRow?>(Select + " WHERE c.id = @id" + (forUpdate ? " FOR UPDATE OF c" : ""), new { id });

    public static IResult NotFound() => ProblemDetailsDefaults.NotFound("Nie ma takich konsultacji.", "There is no such consultation.");

    /// <summary>410: the consultation no longer takes comments.</summary>
    public IResult Gone(DateTimeOffset now)
    {
        var closed = WarsawTime.Format(ConsultationPeriod.ClosedAtOrTermEnd(ClosesOn, ClosedAt, now)!.Value);
        return Results.Problem(statusCode: StatusCodes.Status410Gone,
            title: Text.Pick("Konsultacje są zakończone.", "The consultation is closed."),
            detail: Text.Pick($"Konsultacje wersji {Version} dokumentu „{Title}” zakończyły się {closed}; uwag już nie przyjmujemy. Rozstrzygnięcia ORE opublikuje z następną wersją.",
                $"The consultation of version {Version} of '{Title}' closed on {closed}; comments are no longer taken. ORE publishes its decisions with the next version."));
    }

    /// <summary>409 before the first day.</summary>
    public IResult NotYetOpen() => Problems.Conflict("Konsultacje jeszcze się nie zaczęły.", "The consultation has not started yet.",
        $"Uwagi przyjmujemy od {OpensOn:dd.MM.yyyy} do {ClosesOn:dd.MM.yyyy}.", $"Comments are taken from {OpensOn:yyyy-MM-dd} to {ClosesOn:yyyy-MM-dd}.");

    /// <summary>Whether <paramref name="slug"/> names a section of the consulted version.</summary>
    public bool HasSection(string? slug) => slug is not null && MarkdownSections.Of(Markdown).Any(s => s.Slug == slug);
}
