using Microsoft.Extensions.Options;

namespace Cro.Advisory.Features.Dialogue;

/// <summary>The largest attachment a dialogue meeting takes (Advisory:Dialogue:MaxFileBytes; 10 MiB by default).</summary>
public sealed class DialogueOptions
{
    public long MaxFileBytes { get; set; } = 10 * 1024 * 1024;
}

/// <summary>
/// POST /api/advisory/dialogue-meetings/{id}/attachments — the team or the advisor adds a file to a dialogue meeting
/// (the scanned list of attendance): multipart field "file", PDF, JPEG or PNG recognised by its content, within the size
/// limit. GET …/attachments/{attachmentId} downloads it, for those who see the meeting.
/// </summary>
public static class DialogueAttachments
{
    public static IEndpointRouteBuilder MapDialogueAttachments(this IEndpointRouteBuilder api, long maxFileBytes)
    {
        api.MapPost("/dialogue-meetings/{id:guid}/attachments", AddAsync)
            .WithName("AddDialogueAttachment").WithSummary("Dołącz plik (lista obecności: PDF, JPEG, PNG) / Attach a file (attendance list)")
            .AcceptsFileUpload(maxFileBytes)
            .Produces<DialogueAttachment>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.AdvisoryParty);
        api.MapGet("/dialogue-meetings/{id:guid}/attachments/{attachmentId:guid}", DownloadAsync)
            .WithName("DownloadDialogueAttachment").WithSummary("Pobierz plik spotkania dialogowego / Download a dialogue meeting's file")
            .ProducesFile([.. FileKind.Scans.Select(kind => kind.ContentType)]).ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.AdvisoryParty);
        return api;
    }

    private static async Task<IResult> AddAsync(Guid id, HttpContext context, DataSession session, IOptions<DialogueOptions> options, TimeProvider time)
    {
        if (await DialogueStore.FindAsync(session, id) is not { } meeting)
        {
            return DialogueStore.NotFound();
        }
        var (upload, refusal) = await FileUpload.ReadAsync(context.Request, options.Value.MaxFileBytes, "niepusty plik PDF, JPEG albo PNG",
            "a non-empty PDF, JPEG or PNG file", session.Cancellation);
        if (upload is null)
        {
            return refusal!;
        }
        var fileName = upload.SafeName("lista-obecnosci");
        var (kind, unrecognised) = upload.Recognise(fileName, FileKind.Scans);
        if (kind is null)
        {
            return unrecognised!;
        }
        var attachment = new DialogueAttachment(Guid.CreateVersion7(), fileName, kind.ContentType, upload.Content.LongLength, time.GetUtcNow());
        await session.ExecuteAsync("""
            INSERT INTO dialogue_attachments (id, dialogue_meeting_id, jst_terc, file_name, content_type, size_bytes, content, uploaded_by, uploaded_at)
            VALUES (@Id, @meetingId, @JstTerc, @FileName, @ContentType, @SizeBytes, @content, @by, @UploadedAt)
            """, new
        {
            attachment.Id, meetingId = id, meeting.JstTerc, attachment.FileName, attachment.ContentType, attachment.SizeBytes, content = upload.Content,
            by = context.User.PersonId(), UploadedAt = attachment.UploadedAt.ToUniversalTime(),
        });
        await session.CommitAsync();
        return TypedResults.Created($"/api/advisory/dialogue-meetings/{id}/attachments/{attachment.Id}", attachment);
    }

    private sealed record StoredFile(string FileName, string ContentType, byte[] Content);

    private static async Task<IResult> DownloadAsync(Guid id, Guid attachmentId, DataSession session) =>
        await session.QuerySingleOrDefaultAsync<StoredFile>(
            "SELECT file_name, content_type, content FROM dialogue_attachments WHERE id = @attachmentId AND dialogue_meeting_id = @id",
            new { id, attachmentId }) is { } file
            ? TypedResults.File(file.Content, file.ContentType, file.FileName)
            : ProblemDetailsDefaults.NotFound("Nie ma takiego pliku.", "There is no such file.");
}
