using Cro.Monitoring.Features.Plans.Consultation;
using Microsoft.Extensions.Options;

namespace Cro.Monitoring.Features.Plans;

/// <summary>The largest council resolution's PDF a plan's version takes (Monitoring:Plans:MaxResolutionBytes; 10 MiB by default).</summary>
public sealed class PlanOptions
{
    public long MaxResolutionBytes { get; set; } = 10 * 1024 * 1024;
}

/// <summary>
/// POST /api/monitoring/plans/{id}/versions/{number}/resolution — the JST's team uploads the council resolution adopting
/// the version (multipart: "file"), a PDF recognised by its content, within the size limit; a new upload replaces the
/// version's earlier one. Only for a version the council adopted (adopted, or superseded since): 409 otherwise. GET …
/// downloads it, for those who see the plan. GET /api/monitoring/public/plans/{terc}/versions/{number}/resolution — anyone
/// downloads it, as the resolution log (<see cref="ConsultationLog"/>) publishes the adopted versions with their resolutions.
/// </summary>
public static class PlanResolution
{
    public static IEndpointRouteBuilder MapPlanResolution(this IEndpointRouteBuilder api, long maxFileBytes)
    {
        api.MapPost("/plans/{id:guid}/versions/{number:int}/resolution", UploadAsync)
            .WithName("UploadPlanResolution").WithSummary("Dołącz uchwałę rady o przyjęciu wersji planu (PDF) / Upload the council resolution adopting the version (PDF)")
            .AcceptsFileUpload(maxFileBytes)
            .Produces<PlanResolutionFile>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.JstTeam);
        api.MapGet("/plans/{id:guid}/versions/{number:int}/resolution", DownloadAsync)
            .WithName("DownloadPlanResolution").WithSummary("Pobierz uchwałę rady o przyjęciu wersji planu / Download the council resolution adopting the version")
            .ProducesFile(FileKind.Pdf.ContentType).ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.AdvisoryParty);
        api.MapGet("/public/plans/{terc}/versions/{number:int}/resolution", DownloadPublishedAsync)
            .WithName("DownloadPublishedPlanResolution")
            .WithSummary("Pobierz uchwałę rady o przyjęciu planu JST / Download the council resolution adopting the JST's plan")
            .ProducesFile(FileKind.Pdf.ContentType).ProducesProblem(StatusCodes.Status404NotFound)
            .AllowAnonymous();
        return api;
    }

    private static async Task<IResult> UploadAsync(Guid id, int number, HttpContext context, DataSession session, IOptions<PlanOptions> options, TimeProvider time)
    {
        if (await PlanVersionRow.ForTeamAsync(session, context.User, id, number) is not { } version)
        {
            return NoSuchVersion();
        }
        if (version.Status is not (PlanStatus.Adopted or PlanStatus.Superseded))
        {
            return PlanStatus.WrongState(version.Status, "uchwałę rady dołącza się do wersji, którą rada przyjęła.",
                "the council's resolution is added to a version the council adopted.");
        }
        var (upload, refusal) = await FileUpload.ReadAsync(context.Request, options.Value.MaxResolutionBytes, "niepusty plik PDF z uchwałą",
            "a non-empty PDF file of the resolution", session.Cancellation);
        if (upload is null)
        {
            return refusal!;
        }
        var fileName = upload.SafeName("uchwala.pdf");
        var (kind, unrecognised) = upload.Recognise(fileName, [FileKind.Pdf]);
        if (kind is null)
        {
            return unrecognised!;
        }
        // The answer is the row as stored (its moment to the database's microsecond), as the version's views name it.
        var file = await session.QuerySingleAsync<PlanResolutionFile>("""
            INSERT INTO plan_resolutions (version_id, jst_terc, file_name, content_type, size_bytes, content, uploaded_by, uploaded_at)
            VALUES (@versionId, @terc, @fileName, @contentType, @sizeBytes, @content, @by, @uploadedAt)
            ON CONFLICT (version_id) DO UPDATE SET file_name = excluded.file_name, content_type = excluded.content_type, size_bytes = excluded.size_bytes,
                content = excluded.content, uploaded_by = excluded.uploaded_by, uploaded_at = excluded.uploaded_at
            RETURNING file_name, size_bytes, uploaded_at
            """, new
        {
            versionId = version.Id, terc = version.JstTerc, fileName, contentType = kind.ContentType, sizeBytes = upload.Content.LongLength,
            content = upload.Content, by = context.User.PersonId(), uploadedAt = time.GetUtcNow().ToUniversalTime(),
        });
        await session.CommitAsync();
        return TypedResults.Ok(file);
    }

    private sealed record StoredFile(string FileName, string ContentType, byte[] Content);

    private const string SelectFile = $"""
        SELECT r.file_name, r.content_type, r.content FROM plan_resolutions r JOIN plan_versions v ON v.id = r.version_id
        WHERE v.number = @number AND v.status IN ('{PlanStatus.Adopted}', '{PlanStatus.Superseded}')
        """;

    private static async Task<IResult> DownloadAsync(Guid id, int number, DataSession session) =>
        AsDownload(await session.QuerySingleOrDefaultAsync<StoredFile>(SelectFile + " AND v.plan_id = @id", new { id, number }));

    /// <summary>Public as the log is: the JST's own scope only, and only versions the council adopted.</summary>
    private static async Task<IResult> DownloadPublishedAsync(string terc, int number, NpgsqlDataSource db, CancellationToken ct)
    {
        if (!ConsultationLog.Terc().IsMatch(terc))
        {
            return NoResolution();
        }
        await using var session = await DataSession.OpenAsync(db, JstScope.Of([terc]), ct);
        return AsDownload(await session.QuerySingleOrDefaultAsync<StoredFile>(SelectFile + " AND v.jst_terc = @terc", new { terc, number }));
    }

    private static IResult AsDownload(StoredFile? file) =>
        file is null ? NoResolution() : TypedResults.File(file.Content, file.ContentType, file.FileName);

    private static IResult NoSuchVersion() => ProblemDetailsDefaults.NotFound("Plan nie ma takiej wersji.", "The plan has no such version.");

    private static IResult NoResolution() => ProblemDetailsDefaults.NotFound("Ta wersja planu nie ma pliku uchwały rady.",
        "This version of the plan has no file of the council's resolution.");
}
