using System.Security.Cryptography;
using Dapper;

namespace Cro.Recruitment.Features.Rounds;

/// <summary>
/// The recruitment rules (regulamin) of a round as a PDF the operator attaches to it.
/// PUT /api/recruitment/rounds/{id}/rules-document (multipart/form-data, field <c>file</c>) stores or
/// replaces it: the content must be a PDF (recognised by its signature and end marker, never by the name
/// or the declared type: otherwise 415), at most <c>Recruitment:RulesDocumentMaxBytes</c> (10 MB unless
/// set: otherwise 413); nothing is stored on refusal. GET of the same address is public, as the rules
/// are: application/pdf as an attachment under its name, with nosniff.
/// </summary>
public static class RoundRulesDocument
{
    public const string MaxBytesSetting = "Recruitment:RulesDocumentMaxBytes";
    public const long DefaultMaxBytes = 10 * 1024 * 1024;
    public const string ContentType = "application/pdf";

    private static readonly byte[] PdfSignature = "%PDF-"u8.ToArray();
    private static readonly byte[] PdfEnd = "%%EOF"u8.ToArray();

    /// <summary>What the round's API says of its rules document; the address downloads it.</summary>
    public sealed record RulesDocumentInfo(string FileName, long SizeBytes, DateTimeOffset UploadedAt, string Url);

    private sealed record StoredDocument(string FileName, byte[] Content);

    public static IEndpointRouteBuilder MapRoundRulesDocument(this IEndpointRouteBuilder api)
    {
        var configuration = api.ServiceProvider.GetRequiredService<IConfiguration>();
        var maxBytes = configuration.GetValue(MaxBytesSetting, DefaultMaxBytes);
        api.MapPut("/rounds/{id:guid}/rules-document", (Guid id, HttpContext context, NpgsqlDataSource db, TimeProvider time, CancellationToken ct) =>
                UploadAsync(id, context, db, time, maxBytes, ct))
            .WithName("UploadRoundRulesDocument")
            .WithSummary("Dołącz regulamin naboru (PDF) / Attach the round's rules (PDF)")
            .WithDescription("multipart/form-data with the PDF in 'file'; replaces the round's previous rules document.")
            .AcceptsFileUpload(maxBytes)
            .Produces<RulesDocumentInfo>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Operator);
        api.MapGet("/rounds/{id:guid}/rules-document", DownloadAsync)
            .WithName("DownloadRoundRulesDocument")
            .WithSummary("Regulamin naboru (PDF) / The round's rules (PDF)")
            .ProducesFile(ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AllowAnonymous();
        return api;
    }

    public static string Url(Guid roundId) => $"/api/recruitment/rounds/{roundId}/rules-document";

    /// <summary>A PDF by its content: the signature at the start and the end-of-file marker in its last kilobyte.</summary>
    public static bool IsPdf(ReadOnlySpan<byte> content) =>
        content.StartsWith(PdfSignature) && content[Math.Max(0, content.Length - 1024)..].IndexOf(PdfEnd) >= 0;

    private static async Task<IResult> UploadAsync(Guid id, HttpContext context, NpgsqlDataSource db, TimeProvider time, long maxBytes, CancellationToken ct)
    {
        var (upload, refusal) = await FileUpload.ReadAsync(context.Request, maxBytes, "niepusty plik PDF", "a non-empty PDF file", ct);
        if (upload is null)
        {
            return refusal!;
        }
        var content = upload.Content;
        if (!IsPdf(content))
        {
            return FileUpload.Unsupported(Text.Pick("Regulamin przyjmujemy jako plik PDF; zawartość tego pliku nie jest PDF-em (bez względu na nazwę).",
                "The rules are accepted as a PDF file; the content of this file is not a PDF (whatever its name)."));
        }
        // Whatever the name said, the content is a PDF: the name ends in .pdf.
        var fileName = Path.GetFileNameWithoutExtension(upload.SafeName("regulamin")) + ".pdf";

        // Opened once the file is read and checked: no connection waits for an upload.
        await using var session = await DataSession.OpenAsync(db, JstScope.For(context.User), ct);
        if (!await RoundRows.ExistsAsync(session, id))
        {
            return RoundRows.NotFound();
        }
        var uploadedAt = time.GetUtcNow();
        await session.ExecuteAsync(UpsertSql, new
        {
            id, fileName, size = content.Length, sha256 = SHA256.HashData(content), content,
            by = context.User.PersonId(), at = uploadedAt.ToUniversalTime(),
        });
        await session.CommitAsync();
        return TypedResults.Ok(new RulesDocumentInfo(fileName, content.Length, uploadedAt, Url(id)));
    }

    private const string UpsertSql = """
        INSERT INTO round_rules_documents (round_id, file_name, size_bytes, sha256, content, uploaded_by, uploaded_at)
        VALUES (@id, @fileName, @size, @sha256, @content, @by, @at)
        ON CONFLICT (round_id) DO UPDATE SET file_name = EXCLUDED.file_name, size_bytes = EXCLUDED.size_bytes, sha256 = EXCLUDED.sha256,
            content = EXCLUDED.content, uploaded_by = EXCLUDED.uploaded_by, uploaded_at = EXCLUDED.uploaded_at
        """;

    private static async Task<IResult> DownloadAsync(Guid id, HttpContext context, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var document = await connection.QuerySingleOrDefaultAsync<StoredDocument>(new CommandDefinition(
            "SELECT file_name, content FROM round_rules_documents WHERE round_id = @id", new { id }, cancellationToken: ct));
        if (document is null)
        {
            return ProblemDetailsDefaults.NotFound("Ten nabór nie ma dołączonego regulaminu.", "This round has no rules document attached.");
        }
        // The type was checked from the content on upload; nosniff keeps browsers from guessing another.
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.CacheControl = "public, max-age=300";
        return Results.File(document.Content, ContentType, document.FileName);
    }


}
