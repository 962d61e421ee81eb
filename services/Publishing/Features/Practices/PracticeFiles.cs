using Microsoft.Extensions.Options;

namespace Cro.Publishing.Features.Practices;

/// <summary>The largest files a practice takes and how many (Publishing:Files:*): model documents up to 20 MiB, photos up to 10 MiB, 30 files.</summary>
public sealed class PracticeFileOptions
{
    public long MaxAttachmentBytes { get; set; } = 20 * 1024 * 1024;
    public long MaxPhotoBytes { get; set; } = 10 * 1024 * 1024;
    public int MaxFiles { get; set; } = 30;
}

/// <summary>
/// POST /api/publishing/practices/{id}/files — the JST's team adds a file to its practice while it may change it
/// (multipart: "file"; "kind": attachment, a model document — PDF, DOCX, ODT, XLSX, ODS, PPTX, ODP — or photo, JPEG or PNG;
/// "altText", what the photo shows, required for a photo; "description"). The kind is recognised by the content, whatever
/// the name says: another content is a 415, a name whose extension contradicts it too; a file over the limit a 413; a
/// photo without alternative text a 400 at altText. DELETE …/files/{fileId} takes one off the text being written (the
/// versions that had it keep it). GET …/files/{fileId} downloads one, for those who see the practice.
/// </summary>
public static class PracticeFiles
{
    public static IEndpointRouteBuilder MapPracticeFiles(this IEndpointRouteBuilder api, PracticeFileOptions limits)
    {
        api.MapPost("/practices/{id:guid}/files", (Guid id, HttpContext context, DataSession session, IOptions<PracticeFileOptions> options, TimeProvider time) =>
                AddAsync(context, session, PracticeWriter.Team(context.User), id, options.Value, time.GetUtcNow()))
            .WithName("AddPracticeFile").WithSummary("Dołącz dokument wzorcowy albo zdjęcie / Attach a model document or a photo")
            .AcceptsFileUpload(Math.Max(limits.MaxAttachmentBytes, limits.MaxPhotoBytes), "kind", "altText", "description")
            .Produces<PracticeFileView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.JstTeam);
        api.MapDelete("/practices/{id:guid}/files/{fileId:guid}", (Guid id, Guid fileId, HttpContext context, DataSession session, TimeProvider time) =>
                RemoveAsync(session, PracticeWriter.Team(context.User), id, fileId, time.GetUtcNow()))
            .WithName("RemovePracticeFile").WithSummary("Usuń plik z opisu praktyki / Take a file off the practice")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.JstTeam);
        api.MapGet("/practices/{id:guid}/files/{fileId:guid}", DownloadAsync)
            .WithName("DownloadPracticeFile").WithSummary("Pobierz plik praktyki / Download a practice's file")
            .ProducesFile([.. FileKind.ModelDocuments.Concat(FileKind.Photos).Select(kind => kind.ContentType)]).ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.AdvisoryParty);
        return api;
    }

    /// <summary>The upload, committed; for the team's operation and the partner's alike.</summary>
    public static async Task<IResult> AddAsync(HttpContext context, DataSession session, PracticeWriter writer, Guid id, PracticeFileOptions limits,
        DateTimeOffset now)
    {
        if (await writer.FindForChangeAsync(session, id) is not { } practice)
        {
            return PracticeRow.NotFound();
        }
        if (!PracticeStatus.IsEditable(practice.Status))
        {
            return PracticeStatus.NotEditable(practice.Status);
        }
        // Read within the larger limit, then held to the limit of the kind the form names.
        var (upload, refusal) = await FileUpload.ReadAsync(context.Request, Math.Max(limits.MaxAttachmentBytes, limits.MaxPhotoBytes),
            "niepusty plik: dokument wzorcowy albo zdjęcie", "a non-empty file: a model document or a photo", session.Cancellation);
        if (upload is null)
        {
            return refusal!;
        }
        var photo = upload.Form["kind"].ToString() == PracticeFileView.Photo;
        if (!photo && upload.Form["kind"].ToString() != PracticeFileView.Attachment)
        {
            return Problems.Field("kind", "Rodzaj pliku: attachment (dokument wzorcowy) albo photo (zdjęcie).", "The kind of file: attachment (a model document) or photo.");
        }
        var limit = photo ? limits.MaxPhotoBytes : limits.MaxAttachmentBytes;
        if (upload.Content.LongLength > limit)
        {
            return FileUpload.TooLarge(limit);
        }
        var altText = upload.Form["altText"].ToString().Trim();
        var description = upload.Form["description"].ToString().Trim();
        var errors = new Dictionary<string, string[]>();
        if (photo && altText.Length is 0 or > 500)
        {
            errors["altText"] = [Text.Pick("Opisz, co przedstawia zdjęcie (tekst alternatywny, do 500 znaków): bez niego zdjęcie nie trafi do katalogu.",
                "Say what the photo shows (alternative text, up to 500 characters): without it the photo cannot go into the catalogue.")];
        }
        if (description.Length > 1000)
        {
            errors["description"] = [Text.Pick("Opis pliku ma do 1000 znaków.", "The file's description has up to 1000 characters.")];
        }
        if (errors.Count > 0)
        {
            return ProblemDetailsDefaults.ValidationProblem(errors);
        }
        var fileName = upload.SafeName(photo ? "zdjecie" : "dokument");
        var (kind, unrecognised) = upload.Recognise(fileName, photo ? FileKind.Photos : FileKind.ModelDocuments);
        if (kind is null)
        {
            return unrecognised!;
        }
        var count = await session.ExecuteScalarAsync<int>("SELECT count(*)::int FROM practice_files WHERE practice_id = @id AND removed_at IS NULL", new { id });
        if (count >= limits.MaxFiles)
        {
            return Problems.Conflict("Za dużo plików.", "Too many files.", $"Praktyka ma już {count} plików; usuń któryś, zanim dodasz kolejny.",
                $"The practice has {count} files already; remove one before adding another.");
        }
        var file = new PracticeFileView(Guid.CreateVersion7(), photo ? PracticeFileView.Photo : PracticeFileView.Attachment, fileName, kind.ContentType,
            upload.Content.LongLength, photo ? altText : null, description.Length == 0 ? null : description, now);
        await session.ExecuteAsync("""
            INSERT INTO practice_files (id, practice_id, jst_terc, kind, file_name, content_type, size_bytes, content, alt_text, description, uploaded_by,
                                        uploaded_by_client, uploaded_at)
            VALUES (@Id, @practiceId, @terc, @Kind, @FileName, @ContentType, @SizeBytes, @content, @AltText, @Description, @by, @client, @at);
            UPDATE practices SET updated_at = @at WHERE id = @practiceId;
            """, new
        {
            file.Id, practiceId = id, terc = practice.JstTerc, file.Kind, file.FileName, file.ContentType, file.SizeBytes, content = upload.Content, file.AltText,
            file.Description, by = writer.UserId, client = writer.ClientId, at = now.ToUniversalTime(),
        });
        await session.CommitAsync();
        return TypedResults.Created($"/api/publishing/practices/{id}/files/{file.Id}", file);
    }

    /// <summary>The removal, committed; for the team's operation and the partner's alike.</summary>
    public static async Task<IResult> RemoveAsync(DataSession session, PracticeWriter writer, Guid id, Guid fileId, DateTimeOffset now)
    {
        if (await writer.FindForChangeAsync(session, id) is not { } practice)
        {
            return PracticeRow.NotFound();
        }
        if (!PracticeStatus.IsEditable(practice.Status))
        {
            return PracticeStatus.NotEditable(practice.Status);
        }
        if (await session.ExecuteAsync("UPDATE practice_files SET removed_at = @now WHERE id = @fileId AND practice_id = @id AND removed_at IS NULL",
                new { id, fileId, now = now.ToUniversalTime() }) == 0)
        {
            return ProblemDetailsDefaults.NotFound("Praktyka nie ma takiego pliku.", "The practice has no such file.");
        }
        await session.CommitAsync();
        return TypedResults.NoContent();
    }

    private sealed record StoredFile(string FileName, string ContentType, byte[] Content);

    private static async Task<IResult> DownloadAsync(Guid id, Guid fileId, DataSession session) =>
        await session.QuerySingleOrDefaultAsync<StoredFile>(
            "SELECT file_name, content_type, content FROM practice_files WHERE id = @fileId AND practice_id = @id", new { id, fileId }) is { } file
            ? TypedResults.File(file.Content, file.ContentType, file.FileName)
            : ProblemDetailsDefaults.NotFound("Praktyka nie ma takiego pliku.", "The practice has no such file.");
}
