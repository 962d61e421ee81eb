using Cro.ServiceDefaults;
using Cro.ServiceDefaults.Security;
using Cro.Web.Account;

namespace Cro.Web.Administration;

/// <summary>
/// GET /administracja/dziennik.csv?action=&amp;person=&amp;from=&amp;to= — the audit log export for the filters
/// of the audit page. The browser holds no token for the identity API, so the web fetches the export
/// with the administrator's token and streams it on as a download, row by row as identity writes it.
/// </summary>
public static class AuditCsvDownload
{
    public const string Path = "/administracja/dziennik.csv";

    public static IEndpointRouteBuilder MapAuditCsvDownload(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, DownloadAsync).RequireAuthorization(Policies.Admin);
        return app;
    }

    private static async Task<IResult> DownloadAsync(string? action, string? person, string? from, string? to,
        IdentityApi identity, HttpContext context, CancellationToken ct)
    {
        var filter = AuditFilter.Read(action, person, from, to, cursor: null, out var errors);
        if (errors.Count > 0)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest,
                title: Text.Pick("Nieprawidłowy filtr.", "Invalid filter."), detail: string.Join(" ", errors));
        }
        var response = await identity.AuditExportAsync(filter, ct);
        context.Response.RegisterForDispose(response);
        if (!response.IsSuccessStatusCode)
        {
            var failure = await ApiResults.ReadAsync<object>(response, ct);
            return Results.Problem(statusCode: (int)response.StatusCode,
                title: Text.Pick("Nie udało się pobrać dziennika.", "The audit log could not be downloaded."), detail: string.Join(" ", failure.Errors));
        }
        // Personal data: no copy stays in a cache on the way.
        context.Response.Headers.CacheControl = "no-store";
        var name = response.Content.Headers.ContentDisposition?.FileName?.Trim('"') ?? $"dziennik-zdarzen-{DateTime.UtcNow:yyyyMMdd-HHmm}.csv";
        return Results.Stream(await response.Content.ReadAsStreamAsync(ct), "text/csv; charset=utf-8", name);
    }
}
