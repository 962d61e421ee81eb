using System.Text.Json;
using Cro.Publishing.Features.Practices;

namespace Cro.Publishing.Features.Catalogue;

/// <summary>
/// GET /api/publishing/catalogue/practices/{id} — a published practice as anyone reads it (its page, its JSON-LD, its print
/// view are made from this); 404 for one not published (or withdrawn). GET …/files/{fileId} — one of its files, for
/// anyone: only the files of the version published.
/// </summary>
public static class GetPublishedPractice
{
    private sealed record StoredFile(string FileName, string ContentType, byte[] Content);

    public static IEndpointRouteBuilder MapGetPublishedPractice(this IEndpointRouteBuilder api)
    {
        api.MapGet("/catalogue/practices/{id:guid}", GetAsync)
            .WithName("GetPublishedPractice").WithSummary("Opublikowana dobra praktyka / A published good practice")
            .Produces<PublishedPractice>().ProducesProblem(StatusCodes.Status404NotFound).AllowAnonymous();
        api.MapGet("/catalogue/practices/{id:guid}/files/{fileId:guid}", DownloadAsync)
            .WithName("DownloadPublishedPracticeFile").WithSummary("Plik opublikowanej praktyki / A published practice's file")
            .ProducesFile([.. FileKind.ModelDocuments.Concat(FileKind.Photos).Select(kind => kind.ContentType)]).ProducesProblem(StatusCodes.Status404NotFound)
            .AllowAnonymous();
        return api;
    }

    private static async Task<IResult> GetAsync(Guid id, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var session = await DataSession.OpenAsync(db, JstScope.None, ct);
        var document = await session.QuerySingleOrDefaultAsync<string>("SELECT document::text FROM published_practices WHERE practice_id = @id", new { id });
        return document is null ? NotPublished() : TypedResults.Ok(JsonSerializer.Deserialize<PublishedPractice>(document, PracticeRow.Json));
    }

    private static async Task<IResult> DownloadAsync(Guid id, Guid fileId, NpgsqlDataSource db, CancellationToken ct)
    {
        // The file rows are the JST's; the published ones are anyone's, so this reads past row-level security, and only those.
        await using var session = await DataSession.OpenAsync(db, JstScope.All, ct);
        var file = await session.QuerySingleOrDefaultAsync<StoredFile>("""
            SELECT f.file_name, f.content_type, f.content
            FROM published_practices p JOIN practice_files f ON f.practice_id = p.practice_id AND f.id = ANY (p.file_ids)
            WHERE p.practice_id = @id AND f.id = @fileId
            """, new { id, fileId });
        return file is null
            ? ProblemDetailsDefaults.NotFound("Opublikowana praktyka nie ma takiego pliku.", "The published practice has no such file.")
            : TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    private static IResult NotPublished() =>
        ProblemDetailsDefaults.NotFound("W katalogu nie ma takiej dobrej praktyki.", "The catalogue has no such good practice.");
}
