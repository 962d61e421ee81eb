namespace Cro.Publishing.Features.Practices;

/// <summary>A file of a practice: a model document (<c>attachment</c>) or a <c>photo</c> with its alternative text.</summary>
/// <param name="Kind">attachment or photo.</param>
/// <param name="AltText">What the photo shows, for those who cannot see it; null for an attachment.</param>
[OpenApiSchemaName("PracticeFile")]
public sealed record PracticeFileView(Guid Id, string Kind, string FileName, string ContentType, long SizeBytes, string? AltText, string? Description,
    DateTimeOffset UploadedAt)
{
    public const string Attachment = "attachment";
    public const string Photo = "photo";

    /// <summary>The files of the text being written (not removed), oldest first.</summary>
    public static async Task<IReadOnlyList<PracticeFileView>> CurrentAsync(DataSession session, Guid practiceId) =>
        [.. await session.QueryAsync<PracticeFileView>("""
            SELECT id, kind, file_name, content_type, size_bytes, alt_text, description, uploaded_at
            FROM practice_files WHERE practice_id = @practiceId AND removed_at IS NULL ORDER BY uploaded_at, id
            """, new { practiceId })];
}
