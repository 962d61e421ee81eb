using System.Text.Json;

namespace Cro.Monitoring.Features.Schools;

/// <summary>
/// GET /api/monitoring/school-register/last-import — for ORE: what the latest import of the school register extract did
/// (rows read, schools imported, updated, unchanged, kept as the teams have them, rows skipped by reason).
/// </summary>
public static class GetLastSchoolImport
{
    private sealed record ReportRow(Guid Id, string Source, string SourceSha256, DateTimeOffset StartedAt, DateTimeOffset FinishedAt, int RowsRead,
        int Imported, int Updated, int Unchanged, int Kept, string Skipped);

    public static RouteHandlerBuilder MapGetLastSchoolImport(this IEndpointRouteBuilder api) => api
        .MapGet("/school-register/last-import", HandleAsync)
        .WithName("GetLastSchoolImport")
        .WithSummary("Ostatni import rejestru szkół / The school register's latest import")
        .Produces<ImportSchoolRegister.Report>().ProducesProblem(StatusCodes.Status404NotFound)
        .RequireAuthorization(Policies.Operator);

    private static async Task<IResult> HandleAsync(DataSession session)
    {
        if (await session.QueryFirstOrDefaultAsync<ReportRow>("""
            SELECT id, source, source_sha256, started_at, finished_at, rows_read, imported, updated, unchanged, kept, skipped::text AS skipped
            FROM school_register_imports ORDER BY finished_at DESC, id DESC LIMIT 1
            """)
            is not { } row)
        {
            return ProblemDetailsDefaults.NotFound("Rejestru szkół jeszcze nie zaimportowano.", "The school register has not been imported yet.");
        }
        return TypedResults.Ok(new ImportSchoolRegister.Report(row.Id, row.Source, row.SourceSha256, row.StartedAt, row.FinishedAt, row.RowsRead,
            row.Imported, row.Updated, row.Unchanged, row.Kept, JsonSerializer.Deserialize<Dictionary<string, int>>(row.Skipped)!));
    }
}
