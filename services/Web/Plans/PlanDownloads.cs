using Cro.ServiceDefaults.Security;
using Cro.Web.Monitoring.Api;

namespace Cro.Web.Plans;

/// <summary>The ministry's report (XLSX, PDF), relayed from monitoring (<see cref="DownloadRelay"/>) for ORE.</summary>
public static class PlanDownloads
{
    public static string MinistryReportPath(string period, string format) => $"/plany/przeglad/raport?okres={Uri.EscapeDataString(period)}&format={format}";

    public static IEndpointRouteBuilder MapPlanDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/plany/przeglad/raport", async (string? okres, string? format, MonitoringClient monitoring, HttpContext context, CancellationToken ct) =>
            DownloadRelay.Relay(await monitoring.CallAsync(c => c.GetMinistryReportAsync(okres ?? "", format is "pdf" ? "pdf" : "xlsx", ct)), context,
                $"plany-jst.{(format is "pdf" ? "pdf" : "xlsx")}", ("Nie udało się pobrać raportu.", "The report could not be downloaded.")))
            .RequireAuthorization(Policies.Operator);
        return app;
    }
}
