using Cro.ServiceDefaults.Security;
using Cro.Web.Account.Api;

namespace Cro.Web.Administration;

/// <summary>
/// GET /administracja/dziennik.csv?action=&amp;person=&amp;from=&amp;to= — the audit log export for the filters
/// of the audit page, relayed from identity (<see cref="DownloadRelay"/>).
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
        IdentityClient identity, HttpContext context, CancellationToken ct)
    {
        var filter = AuditFilter.Read(action, person, from, to, cursor: null, out var errors);
        if (errors.Count > 0)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest,
                title: Text.Pick("Nieprawidłowy filtr.", "Invalid filter."), detail: string.Join(" ", errors));
        }
        var export = await identity.CallAsync(c => c.AuditLogExportAsync(filter.Action, filter.Person, filter.FromInstant, filter.ToInstant, null, null, ct));
        return DownloadRelay.Relay(export, context, $"dziennik-zdarzen-{DateTime.UtcNow:yyyyMMdd-HHmm}.csv",
            ("Nie udało się pobrać dziennika.", "The audit log could not be downloaded."));
    }
}
