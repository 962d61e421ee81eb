using System.Security.Cryptography;
using Cro.ServiceDefaults;
using Cro.ServiceDefaults.Security;
using Dapper;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Cro.Training.Features.Materials;

/// <summary>
/// POST /api/training/modules/{code}/materials/files — an operator uploads a PDF, DOCX, PPTX or ODP file
/// (multipart/form-data: <c>file</c>, optional <c>title</c> and <c>isPublic</c>). Too large is 413, another
/// kind of content (whatever its name or declared type) 415, and nothing is stored. The bytes go into the
/// database beside the material, so they are backed up with it.
/// </summary>
public static class UploadFile
{
    /// <summary>Room for the multipart boundaries and the other fields around the file.</summary>
    private const long FormOverhead = 64 * 1024;

    public static RouteHandlerBuilder MapUploadFile(this IEndpointRouteBuilder api, long maxFileBytes) => api
        .MapPost("/modules/{code}/materials/files", HandleAsync)
        .WithName("UploadMaterialFile")
        .WithSummary("Dodaj plik (PDF, DOCX, PPTX, ODP) / Upload a file (PDF, DOCX, PPTX, ODP)")
        .Accepts<IFormFile>("multipart/form-data")
        .Produces<MaterialView>(StatusCodes.Status201Created)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
        // Lets the server take a body this large (its default limit may be lower than the configured maximum).
        .WithMetadata(new RequestSizeLimitAttribute(maxFileBytes + FormOverhead))
        .RequireAuthorization(Policies.Operator);

    private static async Task<IResult> HandleAsync(string code, HttpContext context, NpgsqlDataSource db, IOptions<MaterialsOptions> options,
        TimeProvider time, CancellationToken ct)
    {
        var request = context.Request;
        var max = options.Value.MaxFileBytes;
        if (!request.HasFormContentType)
        {
            return Unsupported(Text.Pick("Wyślij plik jako multipart/form-data, w polu „file”.", "Send the file as multipart/form-data, in the 'file' field."));
        }
        if (request.ContentLength > max + FormOverhead)
        {
            return TooLarge(max);
        }
        await using var connection = await db.OpenConnectionAsync(ct);
        if (!await Materials.ModuleExistsAsync(connection, code, ct))
        {
            return Materials.ModuleNotFound();
        }
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            return TooLarge(max);
        }
        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0)
        {
            return Field("file", "Dołącz niepusty plik w polu „file”.", "Attach a non-empty file in the 'file' field.");
        }
        if (file.Length > max)
        {
            return TooLarge(max);
        }
        var isPublic = false;
        if (form.TryGetValue("isPublic", out var flag) && !bool.TryParse(flag, out isPublic))
        {
            return Field("isPublic", "isPublic to true albo false.", "isPublic is true or false.");
        }
        var fileName = SafeFileName(file.FileName);
        var title = form.TryGetValue("title", out var given) && !string.IsNullOrWhiteSpace(given) ? given.ToString().Trim() : Path.GetFileNameWithoutExtension(fileName);
        if (title.Length is 0 or > 200)
        {
            return Field("title", "Podaj tytuł materiału (do 200 znaków).", "Give the material a title (up to 200 characters).");
        }

        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, ct);
        }
        var kind = FileKind.Detect(content);
        if (kind is null)
        {
            return Unsupported(Text.Pick("Przyjmujemy pliki PDF, DOCX, PPTX i ODP; zawartość tego pliku nie jest żadnym z nich.",
                "PDF, DOCX, PPTX and ODP files are accepted; the content of this file is none of them."));
        }
        if (!string.Equals(Path.GetExtension(fileName), kind.Extension, StringComparison.OrdinalIgnoreCase))
        {
            return Unsupported(Text.Pick($"Zawartość pliku to {kind.Extension}, a nazwa mówi co innego; popraw rozszerzenie nazwy.",
                $"The file's content is {kind.Extension}, but its name says otherwise; correct the name's extension."));
        }

        var id = Guid.CreateVersion7();
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var material = await connection.QuerySingleAsync<MaterialView>(new CommandDefinition("""
            INSERT INTO materials (id, module_code, kind, title, is_public, file_name, content_type, size_bytes, sha256, created_by, created_at, updated_at)
            VALUES (@id, @code, 'file', @title, @isPublic, @fileName, @contentType, @size, @sha256, @by, @now, @now)
            RETURNING id, module_code, kind, title, is_public, url, file_name, content_type, size_bytes, html, markdown, created_at, updated_at;
            INSERT INTO material_files (material_id, content) VALUES (@id, @content);
            """, new
        {
            id, code, title, isPublic, fileName, contentType = kind.ContentType, size = content.LongLength, sha256 = SHA256.HashData(content),
            by = context.User.PersonId(), now = time.GetUtcNow().ToUniversalTime(), content,
        }, transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
        return TypedResults.Created($"/api/training/materials/{id}", material);
    }

    /// <summary>The name without any path a browser may send, without control characters, and not too long.</summary>
    private static string SafeFileName(string name)
    {
        var bare = new string([.. Path.GetFileName(name.Replace('\\', '/')).Where(c => !char.IsControl(c) && c != '"')]).Trim();
        if (bare.Length > 200)
        {
            bare = Path.GetFileNameWithoutExtension(bare)[..(200 - Path.GetExtension(bare).Length)] + Path.GetExtension(bare);
        }
        return bare.Length == 0 ? "plik" : bare;
    }

    private static IResult TooLarge(long max) => Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge,
        title: Text.Pick("Plik za duży.", "File too large."),
        detail: Text.Pick($"Plik może mieć do {max / 1024.0 / 1024.0:0.#} MB.", $"A file may have up to {max / 1024.0 / 1024.0:0.#} MB."));

    private static IResult Unsupported(string detail) => Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType,
        title: Text.Pick("Nieobsługiwany rodzaj pliku.", "Unsupported kind of file."), detail: detail);

    private static IResult Field(string field, string pl, string en) =>
        ProblemDetailsDefaults.ValidationProblem(new Dictionary<string, string[]> { [field] = [Text.Pick(pl, en)] });
}
