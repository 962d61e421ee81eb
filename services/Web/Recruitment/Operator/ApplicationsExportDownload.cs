using Cro.ServiceDefaults.Security;
using Cro.Web.Recruitment.Api;

namespace Cro.Web.Recruitment.Operator;

/// <summary>
/// GET /administracja/nabory/{id}/eksport?format=csv|xlsx — a round's applications and teams, relayed
/// from recruitment (<see cref="DownloadRelay"/>) for the operators' round page.
/// </summary>
public static class ApplicationsExportDownload
{
    public static string PathFor(Guid roundId, string format) => $"/administracja/nabory/{roundId}/eksport?format={format}";

    public static IEndpointRouteBuilder MapApplicationsExportDownload(this IEndpointRouteBuilder app)
    {
        app.MapGet("/administracja/nabory/{id:guid}/eksport", DownloadAsync).RequireAuthorization(Policies.Operator);
        return app;
    }

    private static async Task<IResult> DownloadAsync(Guid id, string? format, RecruitmentClient recruitment, HttpContext context, CancellationToken ct)
    {
        format = format is "xlsx" ? "xlsx" : "csv";
        return DownloadRelay.Relay(await recruitment.CallAsync(c => c.ExportApplicationsAsync(id, format, ct)), context, $"wnioski.{format}",
            ("Nie udało się pobrać wniosków.", "The applications could not be downloaded."));
    }
}
