using FluentValidation;

namespace Cro.Training.Features.Materials;

/// <summary>
/// POST /api/training/modules/{code}/materials/lessons — an operator adds a lesson written in Markdown (kept,
/// and rendered to sanitised HTML once, when saved); POST …/materials/links — a link to a resource elsewhere.
/// </summary>
public static class AddMaterial
{
    [OpenApiSchemaName("AddLessonRequest")]
    public sealed record LessonRequest(string Title, string Markdown, bool IsPublic = false);

    [OpenApiSchemaName("AddLinkRequest")]
    public sealed record LinkRequest(string Title, string Url, bool IsPublic = false);

    public sealed class LessonValidator : AbstractValidator<LessonRequest>
    {
        public LessonValidator()
        {
            RuleFor(r => r.Title).NotEmpty().MaximumLength(200).WithMessage(_ => TitleMessage);
            RuleFor(r => r.Markdown).NotEmpty().MaximumLength(MarkdownRenderer.MaxMarkdownLength).WithMessage(_ => MarkdownMessage);
        }
    }

    public sealed class LinkValidator : AbstractValidator<LinkRequest>
    {
        public LinkValidator()
        {
            RuleFor(r => r.Title).NotEmpty().MaximumLength(200).WithMessage(_ => TitleMessage);
            RuleFor(r => r.Url).Must(IsWebAddress).MaximumLength(2000).WithMessage(_ => UrlMessage);
        }
    }

    internal static string TitleMessage => Text.Pick("Podaj tytuł materiału (do 200 znaków).", "Give the material a title (up to 200 characters).");

    internal static string MarkdownMessage => Text.Pick("Lekcja to tekst w Markdown, do 200 000 znaków.", "A lesson is Markdown text, up to 200,000 characters.");

    internal static string UrlMessage => Text.Pick("Łącze to pełny adres http:// lub https:// (do 2000 znaków).", "A link is a full http:// or https:// address (up to 2000 characters).");

    internal static bool IsWebAddress(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    public static IEndpointRouteBuilder MapAddMaterial(this IEndpointRouteBuilder api)
    {
        api.MapPost("/modules/{code}/materials/lessons", (string code, LessonRequest request, HttpContext context, DataSession session,
                TimeProvider time) =>
                InsertAsync(code, Materials.Lesson, request.Title, request.IsPublic, request.Markdown, MarkdownRenderer.ToHtml(request.Markdown), null,
                    context, session, time))
            .WithName("AddLesson").WithSummary("Dodaj lekcję (Markdown) / Add a lesson (Markdown)")
            .Validate<LessonRequest>().Produces<MaterialView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Operator);
        api.MapPost("/modules/{code}/materials/links", (string code, LinkRequest request, HttpContext context, DataSession session,
                TimeProvider time) =>
                InsertAsync(code, Materials.Link, request.Title, request.IsPublic, null, null, request.Url.Trim(), context, session, time))
            .WithName("AddLink").WithSummary("Dodaj łącze / Add a link")
            .Validate<LinkRequest>().Produces<MaterialView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Operator);
        return api;
    }

    private static async Task<IResult> InsertAsync(string code, string kind, string title, bool isPublic, string? markdown, string? html, string? url,
        HttpContext context, DataSession session, TimeProvider time)
    {
        if (!await Materials.ModuleExistsAsync(session, code))
        {
            return Materials.ModuleNotFound();
        }
        var id = Guid.CreateVersion7();
        var material = await session.QuerySingleAsync<MaterialView>("""
            INSERT INTO materials (id, module_code, kind, title, is_public, markdown, html, url, created_by, created_at, updated_at)
            VALUES (@id, @code, @kind, @title, @isPublic, @markdown, @html, @url, @by, @now, @now)
            RETURNING id, module_code, kind, title, is_public, url, file_name, content_type, size_bytes, html, markdown, created_at, updated_at
            """, new
        {
            id, code, kind, title = title.Trim(), isPublic, markdown, html, url, by = context.User.PersonId(), now = time.GetUtcNow().ToUniversalTime(),
        });
        await session.CommitAsync();
        return TypedResults.Created($"/api/training/materials/{id}", material);
    }
}
