using System.Globalization;
using Cro.BuildingBlocks.Exports;
using Dapper;

namespace Cro.Identity.Features.Audit;

/// <summary>
/// GET /api/identity/audit (a page, newest first) and /api/identity/audit/export (the same filters, all
/// matching entries as CSV) — for administrators only.
/// </summary>
public static class AuditEndpoints
{
    [OpenApiSchemaName("AuditLogPage")]
    public sealed record Page(IReadOnlyList<AuditQuery.Entry> Items, string? NextCursor);

    public static RouteGroupBuilder MapAudit(this RouteGroupBuilder api)
    {
        var audit = api.MapGroup("/audit").WithTags("Dziennik zdarzeń / Audit log").RequireAuthorization(Policies.Admin);
        audit.MapGet("/", ListAsync).WithName("AuditLog").Validate<AuditQuery>()
            .Produces<Page>();
        audit.MapGet("/export", ExportAsync).WithName("AuditLogExport").Validate<AuditQuery>()
            .ProducesFile(TableExport.CsvContentType);
        return api;
    }

    private static async Task<IResult> ListAsync([AsParameters] AuditQuery query, NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var items = (await connection.QueryAsync<AuditQuery.Entry>(query.ToCommand(paged: true, ct))).ToList();
        var next = items.Count > query.Limit ? AuditQuery.CursorAfter(items[query.Limit - 1]) : null;
        return TypedResults.Ok(new Page(items.Take(query.Limit).ToList(), next));
    }

    private static async Task ExportAsync([AsParameters] AuditQuery query, NpgsqlDataSource dataSource, HttpContext context, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<AuditQuery.Entry>(query.ToCommand(paged: false, ct));
        await TableExport.WriteCsvAsync(context.Response, $"dziennik-zdarzen-{DateTime.UtcNow:yyyyMMdd-HHmm}",
            ["id", "czas_utc", "zdarzenie", "opis", "wykonawca_id", "wykonawca", "klient_api", "osoba_id", "osoba", "obiekt", "adres_ip", "szczegoly"],
            rows.Select(row => (IReadOnlyList<string?>)[row.Id.ToString(CultureInfo.InvariantCulture),
                row.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                row.Action, row.ActionLabel, row.ActorId?.ToString(), row.ActorName, row.ActorClient,
                row.SubjectId?.ToString(), row.SubjectName, row.Subject, row.IpAddress, row.Detail]), ct);
    }
}
