using System.Text.RegularExpressions;

namespace Cro.Evaluation.Features.Consultation;

/// <summary>
/// ORE's documents. GET /api/evaluation/documents — every document with its published and latest version. POST
/// /api/evaluation/documents — a new document (kind, title, slug of its public address) with its first draft (409 for a
/// slug taken). GET …/documents/{id}/versions — the document with its versions and their consultations. GET
/// …/versions/{number} — a version's source, sections and rendering. PUT …/documents/{id}/draft — saves the draft: the
/// latest version while it is a draft, otherwise a new version after the latest (a version in consultation or published
/// is never changed).
/// </summary>
public static partial class ManageDocuments
{
    public const int MaxTitle = 200;
    public const int MaxSummary = 2000;

    [OpenApiSchemaName("DocumentSummary")]
    public sealed record DocumentSummary(Guid Id, string Slug, string Kind, string Title, int? PublishedVersion, int LatestVersion, string LatestStatus);

    /// <param name="ConsultationId">The version's consultation, if it was put to one.</param>
    /// <param name="ConsultationState">scheduled, open or closed.</param>
    [OpenApiSchemaName("DocumentVersionSummary")]
    public sealed record VersionSummary(int Number, string Status, string? ChangeSummary, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
        DateTimeOffset? PublishedAt, Guid? ConsultationId, string? ConsultationState);

    [OpenApiSchemaName("DocumentDetail")]
    public sealed record DocumentDetail(Guid Id, string Slug, string Kind, string Title, IReadOnlyList<VersionSummary> Versions);

    [OpenApiSchemaName("DocumentVersion")]
    public sealed record VersionView(Guid DocumentId, int Number, string Status, string? ChangeSummary, string Markdown, string Html,
        IReadOnlyList<SectionView> Sections, DateTimeOffset UpdatedAt);

    /// <param name="Kind">concept, programme or material.</param>
    /// <param name="Slug">The public address's last part: lower-case letters, digits and hyphens.</param>
    [OpenApiSchemaName("CreateDocumentRequest")]
    public sealed record CreateRequest(
        [property: FieldLabel("Rodzaj dokumentu", "Kind of document")] string Kind,
        [property: FieldLabel("Tytuł", "Title")] string Title,
        [property: FieldLabel("Adres (końcówka)", "Address (slug)")] string Slug,
        [property: FieldLabel("Treść (Markdown)", "Text (Markdown)")] string Markdown);

    [OpenApiSchemaName("SaveDraftRequest")]
    public sealed record DraftRequest(
        [property: FieldLabel("Treść (Markdown)", "Text (Markdown)")] string Markdown,
        [property: FieldLabel("Co się zmieniło", "What changed")] string? ChangeSummary);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    public sealed class CreateValidator : AbstractValidator<CreateRequest>
    {
        public CreateValidator()
        {
            RuleFor(r => r.Kind).Must(k => k is not null && DocumentKinds.All.ContainsKey(k))
                .WithMessage(_ => Text.Pick("Rodzaj: concept (koncepcja), programme (program) albo material (materiał).", "Kind: concept, programme or material."));
            RuleFor(r => r.Title).RequiredText(MaxTitle)
                .WithMessage(_ => Text.Pick($"Podaj tytuł (do {MaxTitle} znaków).", $"Give the title (up to {MaxTitle} characters)."));
            RuleFor(r => r.Slug).Must(s => s is { Length: <= 80 } && SlugPattern().IsMatch(s))
                .WithMessage(_ => Text.Pick("Adres: małe litery bez polskich znaków, cyfry i łączniki, do 80 znaków (np. koncepcja-programu).",
                    "Address: lower-case letters, digits and hyphens, up to 80 characters (e.g. programme-concept)."));
            RuleFor(r => r.Markdown).RequiredText(MarkdownRenderer.MaxMarkdownLength).WithMessage(_ => MarkdownMessage);
        }
    }

    public sealed class DraftValidator : AbstractValidator<DraftRequest>
    {
        public DraftValidator()
        {
            RuleFor(r => r.Markdown).RequiredText(MarkdownRenderer.MaxMarkdownLength).WithMessage(_ => MarkdownMessage);
            RuleFor(r => r.ChangeSummary).MaximumLength(MaxSummary)
                .WithMessage(_ => Text.Pick($"Opis zmian ma do {MaxSummary} znaków.", $"The summary of changes has up to {MaxSummary} characters."));
        }
    }

    public static string MarkdownMessage => Text.Pick($"Napisz treść dokumentu w Markdown (do {MarkdownRenderer.MaxMarkdownLength} znaków).",
        $"Write the document's text in Markdown (up to {MarkdownRenderer.MaxMarkdownLength} characters).");

    public static IEndpointRouteBuilder MapManageDocuments(this IEndpointRouteBuilder api)
    {
        api.MapGet("/documents", ListAsync)
            .WithName("ListDocuments").WithSummary("Dokumenty programu / The programme's documents")
            .Produces<IReadOnlyList<DocumentSummary>>().RequireAuthorization(Policies.Operator);
        api.MapPost("/documents", CreateAsync)
            .WithName("CreateDocument").WithSummary("Nowy dokument z pierwszym projektem / A new document with its first draft")
            .Validate<CreateRequest>().Produces<DocumentDetail>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Operator);
        api.MapGet("/documents/{id:guid}/versions", DetailAsync)
            .WithName("GetDocumentVersions").WithSummary("Dokument z wersjami / The document with its versions")
            .Produces<DocumentDetail>().ProducesProblem(StatusCodes.Status404NotFound).RequireAuthorization(Policies.Operator);
        api.MapGet("/documents/{id:guid}/versions/{number:int}", VersionAsync)
            .WithName("GetDocumentVersion").WithSummary("Wersja dokumentu / A version of the document")
            .Produces<VersionView>().ProducesProblem(StatusCodes.Status404NotFound).RequireAuthorization(Policies.Operator);
        api.MapPut("/documents/{id:guid}/draft", SaveDraftAsync)
            .WithName("SaveDocumentDraft").WithSummary("Zapisz projekt nowej wersji / Save the draft of a new version")
            .Validate<DraftRequest>().Produces<VersionView>().ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Operator);
        return api;
    }

    private static async Task<IResult> ListAsync(DataSession session) =>
        TypedResults.Ok((await session.QueryAsync<(Guid, string, string, string, int?, int, string)>("""
            SELECT d.id, d.slug, d.kind, d.title,
                   (SELECT number FROM document_versions WHERE document_id = d.id AND status = 'published'),
                   l.number, l.status
            FROM documents d
            CROSS JOIN LATERAL (SELECT number, status FROM document_versions WHERE document_id = d.id ORDER BY number DESC LIMIT 1) l
            ORDER BY d.kind = 'concept' DESC, d.title COLLATE "pl-x-icu", d.id
            """)).Select(r => new DocumentSummary(r.Item1, r.Item2, r.Item3, r.Item4, r.Item5, r.Item6, r.Item7)).ToList());

    private static async Task<IResult> CreateAsync(CreateRequest request, HttpContext context, DataSession session, TimeProvider time)
    {
        var slug = request.Slug.Trim();
        if (await session.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM documents WHERE slug = @slug)", new { slug }))
        {
            return Problems.FieldConflict("slug", "Adres jest zajęty.", "The address is taken.",
                $"Dokument o adresie „{slug}” już istnieje.", $"A document with the address '{slug}' exists.");
        }
        var (id, now, by) = (Guid.CreateVersion7(), time.GetUtcNow().ToUniversalTime(), context.User.PersonId());
        await session.ExecuteAsync($"""
            INSERT INTO documents (id, slug, kind, title, created_by, created_at) VALUES (@id, @slug, @Kind, @title, @by, @now);
            INSERT INTO document_versions (id, document_id, number, markdown, status, created_by, created_at, updated_at)
            VALUES (@versionId, @id, 1, @Markdown, '{VersionStatus.Draft}', @by, @now, @now);
            """, new { id, slug, request.Kind, title = request.Title.Trim(), request.Markdown, versionId = Guid.CreateVersion7(), by, now });
        var detail = await DetailOfAsync(session, (await DocumentRow.FindAsync(session, id))!, time.GetUtcNow());
        await session.CommitAsync();
        return TypedResults.Created($"/api/evaluation/documents/{id}/versions", detail);
    }

    private static async Task<IResult> DetailAsync(Guid id, DataSession session, TimeProvider time) =>
        await DocumentRow.FindAsync(session, id) is { } document
            ? TypedResults.Ok(await DetailOfAsync(session, document, time.GetUtcNow()))
            : DocumentRow.NotFound();

    private static async Task<DocumentDetail> DetailOfAsync(DataSession session, DocumentRow document, DateTimeOffset now)
    {
        var versions = await VersionRow.ListAsync(session, document.Id);
        var consultations = (await session.QueryAsync<ConsultationRow>(ConsultationRow.Select + " WHERE c.document_id = @Id", new { document.Id }))
            .ToDictionary(c => c.VersionId);
        return new DocumentDetail(document.Id, document.Slug, document.Kind, document.Title, [.. versions.Select(v =>
        {
            var consultation = consultations.GetValueOrDefault(v.Id);
            return new VersionSummary(v.Number, v.Status, v.ChangeSummary, v.CreatedAt, v.UpdatedAt, v.PublishedAt, consultation?.Id,
                consultation?.StateAt(now));
        })]);
    }

    private static async Task<IResult> VersionAsync(Guid id, int number, DataSession session) =>
        await VersionRow.FindAsync(session, id, number) is { } version ? TypedResults.Ok(ViewOf(version)) : VersionRow.NotFound();

    public static VersionView ViewOf(VersionRow v) =>
        new(v.DocumentId, v.Number, v.Status, v.ChangeSummary, v.Markdown, MarkdownRenderer.ToHtmlWithAnchors(v.Markdown), SectionView.Of(v.Markdown), v.UpdatedAt);

    private static async Task<IResult> SaveDraftAsync(Guid id, DraftRequest request, HttpContext context, DataSession session, TimeProvider time)
    {
        if (await DocumentRow.FindAsync(session, id, forUpdate: true) is null)
        {
            return DocumentRow.NotFound();
        }
        var (now, by) = (time.GetUtcNow().ToUniversalTime(), context.User.PersonId());
        var summary = string.IsNullOrWhiteSpace(request.ChangeSummary) ? null : request.ChangeSummary.Trim();
        var number = await session.ExecuteScalarAsync<int>($"""
            WITH latest AS (SELECT id, number, status FROM document_versions WHERE document_id = @id ORDER BY number DESC LIMIT 1),
            updated AS (
                UPDATE document_versions v SET markdown = @Markdown, change_summary = @summary, updated_at = @now
                FROM latest WHERE v.id = latest.id AND latest.status = '{VersionStatus.Draft}'
                RETURNING v.number),
            inserted AS (
                INSERT INTO document_versions (id, document_id, number, markdown, status, change_summary, created_by, created_at, updated_at)
                SELECT @newId, @id, latest.number + 1, @Markdown, '{VersionStatus.Draft}', @summary, @by, @now, @now
                FROM latest WHERE latest.status <> '{VersionStatus.Draft}'
                RETURNING number)
            SELECT number FROM updated UNION ALL SELECT number FROM inserted
            """, new { id, request.Markdown, summary, now, by, newId = Guid.CreateVersion7() });
        var version = (await VersionRow.FindAsync(session, id, number))!;
        await session.CommitAsync();
        return TypedResults.Ok(ViewOf(version));
    }
}
