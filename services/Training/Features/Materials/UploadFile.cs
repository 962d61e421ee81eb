using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Cro.Training.Features.Materials;

/// <summary>
/// POST /api/training/modules/{code}/materials/files — an operator uploads a PDF, DOCX, PPTX or ODP file
/// (multipart/form-data: <c>file</c>, optional <c>title</c> and <c>isPublic</c>). Too large is 413, another
/// kind of content (whatever its name or declared type) 415, and nothing is stored. The bytes go into the
/// database beside the material, so they are backed up with it.
/// </summary>
public static class UploadFile
{
    public static RouteHandlerBuilder MapUploadFile(this IEndpointRouteBuilder api, long maxFileBytes) => api
        .MapPost("/modules/{code}/materials/files", HandleAsync)
        .WithName("UploadMaterialFile")
        .WithSummary("Dodaj plik (PDF, DOCX, PPTX, ODP) / Upload a file (PDF, DOCX, PPTX, ODP)")
        .AcceptsFileUpload(maxFileBytes, "title", "isPublic")
        .Produces<MaterialView>(StatusCodes.Status201Created)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .RequireAuthorization(Policies.Operator);

    private static async Task<IResult> HandleAsync(string code, HttpContext context, DataSession session, IOptions<MaterialsOptions> options,
        TimeProvider time, CancellationToken ct)
    {
        var max = options.Value.MaxFileBytes;
        if (!await Materials.ModuleExistsAsync(session, code))
        {
            return Materials.ModuleNotFound();
        }
        var (upload, refusal) = await FileUpload.ReadAsync(context.Request, max, "niepusty plik", "a non-empty file", ct);
        if (upload is null)
        {
            return refusal!;
        }
        var (form, content) = (upload.Form, upload.Content);
        var isPublic = false;
        if (form.TryGetValue("isPublic", out var flag) && !bool.TryParse(flag, out isPublic))
        {
            return Field("isPublic", "isPublic to true albo false.", "isPublic is true or false.");
        }
        var fileName = upload.SafeName("plik");
        var title = form.TryGetValue("title", out var given) && !string.IsNullOrWhiteSpace(given) ? given.ToString().Trim() : Path.GetFileNameWithoutExtension(fileName);
        if (title.Length is 0 or > 200)
        {
            return Field("title", "Podaj tytuł materiału (do 200 znaków).", "Give the material a title (up to 200 characters).");
        }

        var (kind, unrecognised) = upload.Recognise(fileName, FileKind.Documents);
        if (kind is null)
        {
            return unrecognised!;
        }

        var id = Guid.CreateVersion7();
        var material = await session.QuerySingleAsync<MaterialView>($"""
            INSERT INTO materials (id, module_code, kind, title, is_public, file_name, content_type, size_bytes, sha256, created_by, created_at, updated_at)
            VALUES (@id, @code, '{Materials.File}', @title, @isPublic, @fileName, @contentType, @size, @sha256, @by, @now, @now)
            RETURNING id, module_code, kind, title, is_public, url, file_name, content_type, size_bytes, html, markdown, created_at, updated_at;
            INSERT INTO material_files (material_id, content) VALUES (@id, @content);
            """, new
        {
            id, code, title, isPublic, fileName, contentType = kind.ContentType, size = content.LongLength, sha256 = SHA256.HashData(content),
            by = context.User.PersonId(), now = time.GetUtcNow().ToUniversalTime(), content,
        });
        await session.CommitAsync();
        return TypedResults.Created($"/api/training/materials/{id}", material);
    }



    private static IResult Field(string field, string pl, string en) =>
        ProblemDetailsDefaults.ValidationProblem(new Dictionary<string, string[]> { [field] = [Text.Pick(pl, en)] });
}
