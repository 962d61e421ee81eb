using Cro.ServiceDefaults.Security;
using Cro.Web.Monitoring.Api;

namespace Cro.Web.Plans;

/// <summary>
/// The plan's files, relayed from monitoring (<see cref="DownloadRelay"/>), since the browser holds no token for its API: the
/// council resolution adopting a version and a report's evidence files, for the JST's team, its advisor and ORE (the service
/// answers 404 to anyone else); the resolution also for everyone, as the resolution log publishes it; and ORE's ministry
/// report (XLSX, PDF).
/// </summary>
public static class PlanDownloads
{
    public static string MinistryReportPath(string period, string format) => $"/plany/przeglad/raport?okres={Uri.EscapeDataString(period)}&format={format}";

    public static string ResolutionPath(Guid planId, int number) => $"/plan/{planId}/wersje/{number}/uchwala";

    public static string PublishedResolutionPath(string terc, int number) => $"/plany/{Uri.EscapeDataString(terc)}/wersje/{number}/uchwala";

    public static string EvidencePath(Guid reportId, Guid fileId) => $"/plan/sprawozdania/{reportId}/dowody/{fileId}";

    private static readonly (string, string) ResolutionFailure = ("Nie udało się pobrać uchwały.", "The resolution could not be downloaded.");

    public static IEndpointRouteBuilder MapPlanDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/plany/przeglad/raport", async (string? okres, string? format, MonitoringClient monitoring, HttpContext context, CancellationToken ct) =>
            DownloadRelay.Relay(await monitoring.CallAsync(c => c.GetMinistryReportAsync(okres ?? "", format is "pdf" ? "pdf" : "xlsx", ct)), context,
                $"plany-jst.{(format is "pdf" ? "pdf" : "xlsx")}", ("Nie udało się pobrać raportu.", "The report could not be downloaded.")))
            .RequireAuthorization(Policies.Operator);
        app.MapGet("/plan/{id:guid}/wersje/{number:int}/uchwala", async (Guid id, int number, MonitoringClient monitoring, HttpContext context,
                CancellationToken ct) =>
            DownloadRelay.Relay(await monitoring.CallAsync(c => c.DownloadPlanResolutionAsync(id, number, ct)), context, "uchwala.pdf", ResolutionFailure))
            .RequireAuthorization(Policies.AdvisoryParty);
        app.MapGet("/plany/{terc}/wersje/{number:int}/uchwala", async (string terc, int number, MonitoringClient monitoring, HttpContext context,
                CancellationToken ct) =>
            DownloadRelay.Relay(await monitoring.CallAsync(c => c.DownloadPublishedPlanResolutionAsync(terc, number, ct)), context, "uchwala.pdf",
                ResolutionFailure))
            .AllowAnonymous();
        app.MapGet("/plan/sprawozdania/{id:guid}/dowody/{fileId:guid}", async (Guid id, Guid fileId, MonitoringClient monitoring, HttpContext context,
                CancellationToken ct) =>
            DownloadRelay.Relay(await monitoring.CallAsync(c => c.DownloadReportEvidenceAsync(id, fileId, ct)), context, "dowod",
                ("Nie udało się pobrać pliku dowodu.", "The evidence file could not be downloaded.")))
            .RequireAuthorization(Policies.AdvisoryParty);
        return app;
    }
}
