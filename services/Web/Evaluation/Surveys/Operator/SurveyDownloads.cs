using Cro.ServiceDefaults.Security;
using Cro.Web.Evaluation.Api;

namespace Cro.Web.Evaluation.Surveys.Operator;

/// <summary>The aggregates of survey results (CSV or XLSX), relayed from evaluation with the operator's token (<see cref="DownloadRelay"/>).</summary>
public static class SurveyDownloads
{
    public static string ExportPath(string by, string format) => $"/administracja/ankiety/eksport?wedlug={Uri.EscapeDataString(by)}&format={format}";

    public static IEndpointRouteBuilder MapSurveyDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/administracja/ankiety/eksport", async (string? wedlug, string? format, EvaluationClient evaluation, HttpContext context, CancellationToken ct) =>
            {
                format = format is "xlsx" ? "xlsx" : "csv";
                var by = wedlug ?? "module";
                return DownloadRelay.Relay(await evaluation.CallAsync(c => c.ExportSurveyResultsAsync(by, format, ct)), context,
                    $"wyniki-ankiet.{format}", ("Nie udało się pobrać wyników ankiet.", "The survey results could not be downloaded."));
            })
            .RequireAuthorization(Policies.Operator);
        return app;
    }
}
