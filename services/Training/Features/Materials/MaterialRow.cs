using System.Security.Claims;
using Cro.Training.Features.Access;
using Cro.Training.Features.Teams;
using Dapper;
using Npgsql;

namespace Cro.Training.Features.Materials;

/// <summary>
/// A material as the API shows it: lessons carry their sanitised HTML (and the Markdown it came from)
/// when read one by one, links their address, files their name, type and size (the bytes at …/file).
/// </summary>
public sealed record MaterialView(Guid Id, string ModuleCode, string Kind, string Title, bool IsPublic, string? Url, string? FileName,
    string? ContentType, long? SizeBytes, string? Html, string? Markdown, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

internal static class Materials
{
    public const string Lesson = "lesson";
    public const string Link = "link";
    public const string File = "file";

    /// <summary>The columns of <see cref="MaterialView"/>; lists leave the lesson's text out.</summary>
    public static string Select(bool withText) => $"""
        SELECT id, module_code, kind, title, is_public, url, file_name, content_type, size_bytes,
               {(withText ? "html, markdown" : "NULL::text AS html, NULL::text AS markdown")}, created_at, updated_at
        FROM materials
        """;

    /// <summary>Operators, trainers and people enrolled in the training see every material; anyone else only the public ones.</summary>
    public static async Task<bool> SeesAllAsync(DataSession session, ClaimsPrincipal user)
    {
        var caller = Caller.From(user);
        return caller.IsOperator || caller.IsTrainer || (await ParticipantRow.MineAsync(session, caller)).Count > 0;
    }

    public static Task<bool> ModuleExistsAsync(DataSession session, string code) =>
        session.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM programme_modules WHERE code = @code)", new { code });

    public static IResult ModuleNotFound() => ProblemDetailsDefaults.NotFound("Program nie ma takiego modułu.", "The programme has no such module.");

    public static IResult NotFound() => ProblemDetailsDefaults.NotFound(
        "Nie ma takiego materiału albo nie masz do niego dostępu.", "There is no such material, or you have no access to it.");

    private sealed record Content(string FileName, string ContentType, byte[] Bytes);

    /// <summary>In the OpenAPI document: the endpoint answers a material's file, of one of the <see cref="FileKind.Documents"/> kinds.</summary>
    public static RouteHandlerBuilder ProducesFile(this RouteHandlerBuilder endpoint) =>
        endpoint.ProducesFile([.. FileKind.Documents.Select(kind => kind.ContentType)]);

    /// <summary>
    /// A material's file as a download: the type found in its content when it was uploaded, as an attachment
    /// under its name, and nosniff, so no browser second-guesses the type and runs it as something else.
    /// </summary>
    public static async Task<IResult> DownloadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, HttpContext context, Guid id, bool publicOnly,
        CancellationToken ct)
    {
        var file = await connection.QuerySingleOrDefaultAsync<Content>(new CommandDefinition("""
            SELECT m.file_name, m.content_type, f.content AS bytes
            FROM materials m JOIN material_files f ON f.material_id = m.id
            WHERE m.id = @id AND (m.is_public OR NOT @publicOnly)
            """, new { id, publicOnly }, transaction, cancellationToken: ct));
        if (file is null)
        {
            return NotFound();
        }
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.CacheControl = publicOnly ? "public, max-age=300" : "private, no-cache";
        return Results.File(file.Bytes, file.ContentType, file.FileName);
    }
}
