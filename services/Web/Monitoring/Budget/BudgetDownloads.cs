using Cro.ServiceDefaults.Security;
using Cro.Web.Monitoring.Api;

namespace Cro.Web.Monitoring.Budget;

/// <summary>
/// The budget report for the ministry (XLSX, PDF), relayed from monitoring (<see cref="DownloadRelay"/>) with the signed-in
/// person's token, since the browser holds none for its API: for ORE's staff and finance staff, as the dashboard.
/// </summary>
public static class BudgetDownloads
{
    public static string ReportPath(string format) => $"/administracja/budzet/raport?format={format}";

    public static IEndpointRouteBuilder MapBudgetDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/administracja/budzet/raport", async (string? format, MonitoringClient monitoring, HttpContext context, CancellationToken ct) =>
            {
                var kind = format is "pdf" ? "pdf" : "xlsx";
                return DownloadRelay.Relay(await monitoring.CallAsync(c => c.GetBudgetReportAsync(kind, ct)), context, $"budzet-projektu.{kind}",
                    ("Nie udało się pobrać raportu budżetu.", "The budget report could not be downloaded."));
            })
            .RequireAuthorization(Policies.FinanceOrOperator);
        return app;
    }
}
