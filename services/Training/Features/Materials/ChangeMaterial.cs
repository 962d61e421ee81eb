using FluentValidation;

namespace Cro.Training.Features.Materials;

/// <summary>
/// PUT /api/training/materials/{id} — an operator changes a material's title and whether it is public, and a
/// lesson's Markdown (rendered and sanitised again) or a link's address; DELETE /api/training/materials/{id}
/// removes it (a file's bytes with it).
/// </summary>
public static class ChangeMaterial
{
    public sealed record ChangeMaterialRequest(string Title, bool IsPublic, string? Markdown = null, string? Url = null);

    public sealed class Validator : AbstractValidator<ChangeMaterialRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Title).NotEmpty().MaximumLength(200).WithMessage(_ => AddMaterial.TitleMessage);
            RuleFor(r => r.Markdown).MaximumLength(MarkdownRenderer.MaxMarkdownLength).WithMessage(_ => AddMaterial.MarkdownMessage);
            RuleFor(r => r.Url).Must(AddMaterial.IsWebAddress).MaximumLength(2000).When(r => r.Url is not null).WithMessage(_ => AddMaterial.UrlMessage);
        }
    }

    public static IEndpointRouteBuilder MapChangeMaterial(this IEndpointRouteBuilder api)
    {
        api.MapPut("/materials/{id:guid}", ChangeAsync)
            .WithName("ChangeMaterial").WithSummary("Zmień materiał / Change a material")
            .Validate<ChangeMaterialRequest>().Produces<MaterialView>().ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Operator);
        api.MapDelete("/materials/{id:guid}", DeleteAsync)
            .WithName("DeleteMaterial").WithSummary("Usuń materiał / Delete a material")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Operator);
        return api;
    }

    private static async Task<IResult> ChangeAsync(Guid id, ChangeMaterialRequest request, DataSession session, TimeProvider time)
    {
        if (await session.QuerySingleOrDefaultAsync<string>("SELECT kind FROM materials WHERE id = @id FOR UPDATE", new { id }) is not { } kind)
        {
            return Materials.NotFound();
        }
        if (kind == Materials.Lesson && string.IsNullOrWhiteSpace(request.Markdown))
        {
            return FieldProblem("markdown", AddMaterial.MarkdownMessage);
        }
        if (kind == Materials.Link && request.Url is null)
        {
            return FieldProblem("url", AddMaterial.UrlMessage);
        }
        var material = await session.QuerySingleAsync<MaterialView>($"""
            UPDATE materials SET title = @title, is_public = @IsPublic, updated_at = @now,
                   markdown = CASE WHEN kind = '{Materials.Lesson}' THEN @markdown ELSE markdown END,
                   html = CASE WHEN kind = '{Materials.Lesson}' THEN @html ELSE html END,
                   url = CASE WHEN kind = '{Materials.Link}' THEN @url ELSE url END
            WHERE id = @id
            RETURNING id, module_code, kind, title, is_public, url, file_name, content_type, size_bytes, html, markdown, created_at, updated_at
            """, new
        {
            id, title = request.Title.Trim(), request.IsPublic, now = time.GetUtcNow().ToUniversalTime(), markdown = request.Markdown,
            html = kind == Materials.Lesson ? MarkdownRenderer.ToHtml(request.Markdown!) : null, url = request.Url?.Trim(),
        });
        await session.CommitAsync();
        return TypedResults.Ok(material);
    }

    private static async Task<IResult> DeleteAsync(Guid id, DataSession session)
    {
        var deleted = await session.ExecuteAsync("DELETE FROM materials WHERE id = @id", new { id });
        await session.CommitAsync();
        return deleted == 0 ? Materials.NotFound() : TypedResults.NoContent();
    }

    private static IResult FieldProblem(string field, string message) =>
        ProblemDetailsDefaults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
