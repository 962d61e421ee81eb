using Cro.ServiceDefaults.Security;
using Cro.Web.Monitoring.Api;

namespace Cro.Web.Diagnosis;

/// <summary>
/// A diagnosis's files, relayed from monitoring (<see cref="DownloadRelay"/>), since the browser holds no token for its API:
/// the JST picture's PDF report and the answers in long or wide form (CSV, XLSX) for the JST's team, its advisor and ORE,
/// and ORE's table of the figures' medians. The service decides who sees which diagnosis (404 to anyone else).
/// </summary>
public static class DiagnosisDownloads
{
    public static string PicturePdfPath(Guid diagnosisId) => $"/diagnoza/{diagnosisId}/raport.pdf";

    public static Func<string, string> AnswersPath(Guid diagnosisId, string form) => format => $"/diagnoza/{diagnosisId}/odpowiedzi?ksztalt={form}&format={format}";

    public static string OverviewPath(string format) => $"/diagnozy/przeglad/eksport?format={format}";

    public static IEndpointRouteBuilder MapDiagnosisDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/diagnoza/{id:guid}/raport.pdf", async (Guid id, MonitoringClient monitoring, HttpContext context, CancellationToken ct) =>
            DownloadRelay.Relay(await monitoring.CallAsync(c => c.GetJstPicturePdfAsync(id, ct)), context, "obraz-jst.pdf",
                ("Nie udało się pobrać raportu.", "The report could not be downloaded."))).RequireAuthorization(Policies.AdvisoryParty);
        app.MapGet("/diagnoza/{id:guid}/odpowiedzi", async (Guid id, string? ksztalt, string? format, MonitoringClient monitoring, HttpContext context,
                CancellationToken ct) =>
            DownloadRelay.Relay(await monitoring.CallAsync(c => c.ExportDiagnosisAnswersAsync(id, Format(format), Form(ksztalt), ct)), context,
                $"odpowiedzi-{Form(ksztalt)}.{Format(format)}", ("Nie udało się pobrać odpowiedzi.", "The answers could not be downloaded.")))
            .RequireAuthorization(Policies.AdvisoryParty);
        app.MapGet("/diagnozy/przeglad/eksport", async (string? format, MonitoringClient monitoring, HttpContext context, CancellationToken ct) =>
            DownloadRelay.Relay(await monitoring.CallAsync(c => c.ExportDiagnosisOverviewAsync(Format(format), ct)), context,
                $"diagnozy-mediany.{Format(format)}", ("Nie udało się pobrać tabeli.", "The table could not be downloaded.")))
            .RequireAuthorization(Policies.Operator);
        return app;
    }

    private static string Format(string? format) => format is "xlsx" ? "xlsx" : "csv";

    private static string Form(string? form) => form is "wide" ? "wide" : "long";
}
