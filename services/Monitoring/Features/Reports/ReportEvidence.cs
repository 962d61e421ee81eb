using Microsoft.Extensions.Options;

namespace Cro.Monitoring.Features.Reports;

/// <summary>The largest evidence file a report takes (Monitoring:Reports:MaxEvidenceBytes; 10 MiB by default).</summary>
public sealed class ReportOptions
{
    public long MaxEvidenceBytes { get; set; } = 10 * 1024 * 1024;
}

/// <summary>
/// POST /api/monitoring/reports/{id}/evidence — the JST's team uploads a file of evidence for one action of its report
/// (multipart: "file", and "actionId" naming an action of the plan's version the report is on): PDF, JPEG or PNG,
/// recognised by its content, within the size limit, while the report is a draft or returned (409 otherwise). The
/// action's entry then names the file among its evidenceFileIds. GET …/evidence/{fileId} downloads it, for those who see
/// the report. (A link in the entry is evidence as well; large material belongs behind a link.)
/// </summary>
public static class ReportEvidence
{
    public static IEndpointRouteBuilder MapReportEvidence(this IEndpointRouteBuilder api, long maxFileBytes)
    {
        api.MapPost("/reports/{id:guid}/evidence", AddAsync)
            .WithName("AddReportEvidence").WithSummary("Dołącz plik dowodu realizacji działania (PDF, JPEG, PNG) / Upload an action's evidence file")
            .AcceptsFileUpload(maxFileBytes, "actionId")
            .Produces<EvidenceFile>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.JstTeam);
        api.MapGet("/reports/{id:guid}/evidence/{fileId:guid}", DownloadAsync)
            .WithName("DownloadReportEvidence").WithSummary("Pobierz plik dowodu / Download an evidence file")
            .ProducesFile([.. FileKind.Scans.Select(kind => kind.ContentType)]).ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.AdvisoryParty);
        return api;
    }

    private static async Task<IResult> AddAsync(Guid id, HttpContext context, DataSession session, IOptions<ReportOptions> options, TimeProvider time)
    {
        if (await ReportRow.ForTeamAsync(session, context.User, id) is not { } report)
        {
            return ReportRow.NotFound();
        }
        if (!ReportStatus.IsEditable(report.Status))
        {
            return ReportStatus.WrongState(report.Status, "pliki dołącza się do sprawozdania w przygotowaniu albo zwróconego do poprawy.",
                "files are added to a report while it is a draft or returned for changes.");
        }
        var (upload, refusal) = await FileUpload.ReadAsync(context.Request, options.Value.MaxEvidenceBytes, "niepusty plik PDF, JPEG albo PNG",
            "a non-empty PDF, JPEG or PNG file", session.Cancellation);
        if (upload is null)
        {
            return refusal!;
        }
        var version = await ReportView.ReportedVersionAsync(session, report);
        if (!Guid.TryParse(upload.Form["actionId"].ToString(), out var actionId)
            || !(version?.Document.Actions ?? []).Any(a => a.Id == actionId))
        {
            return Problems.Field("actionId", "Wskaż działanie planu, którego dotyczy plik.", "Name the plan's action the file is evidence of.");
        }
        var fileName = upload.SafeName("dowod");
        var (kind, unrecognised) = upload.Recognise(fileName, FileKind.Scans);
        if (kind is null)
        {
            return unrecognised!;
        }
        var file = new EvidenceFile(Guid.CreateVersion7(), actionId, fileName, kind.ContentType, upload.Content.LongLength, time.GetUtcNow());
        await session.ExecuteAsync("""
            INSERT INTO report_evidence (id, report_id, jst_terc, action_id, file_name, content_type, size_bytes, content, uploaded_by, uploaded_at)
            VALUES (@Id, @reportId, @terc, @ActionId, @FileName, @ContentType, @SizeBytes, @content, @by, @UploadedAt)
            """, new
        {
            file.Id, reportId = id, terc = report.JstTerc, file.ActionId, file.FileName, file.ContentType, file.SizeBytes, content = upload.Content,
            by = context.User.PersonId(), UploadedAt = file.UploadedAt.ToUniversalTime(),
        });
        await session.CommitAsync();
        return TypedResults.Created($"/api/monitoring/reports/{id}/evidence/{file.Id}", file);
    }

    private sealed record StoredFile(string FileName, string ContentType, byte[] Content);

    private static async Task<IResult> DownloadAsync(Guid id, Guid fileId, DataSession session) =>
        await session.QuerySingleOrDefaultAsync<StoredFile>(
            "SELECT file_name, content_type, content FROM report_evidence WHERE id = @fileId AND report_id = @id", new { id, fileId }) is { } file
            ? TypedResults.File(file.Content, file.ContentType, file.FileName)
            : ProblemDetailsDefaults.NotFound("Nie ma takiego pliku.", "There is no such file.");
}
