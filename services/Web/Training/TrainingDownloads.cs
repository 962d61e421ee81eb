using System.Text.Json;
using Cro.ServiceDefaults.Security;
using Cro.Web.Training.Api;

namespace Cro.Web.Training;

/// <summary>
/// The training's files, relayed from the service (<see cref="DownloadRelay"/>), since the browser holds no token for
/// the API: a material's file (public ones for everyone, the rest for whoever the service lets see them), a
/// certificate's PDF and its Open Badges 3.0 credential, and the attendance lists and results a trainer or operator exports as CSV or XLSX.
/// </summary>
public static class TrainingDownloads
{
    public static string MaterialFilePath(Guid materialId) => $"/szkolenia/materialy/{materialId}/plik";

    public static string CertificatePdfPath(Guid certificateId) => $"/moje-szkolenie/zaswiadczenia/{certificateId}/pdf";

    public static string CertificateCredentialPath(Guid certificateId) => $"/moje-szkolenie/zaswiadczenia/{certificateId}/open-badge";

    public static string SessionAttendancePath(Guid sessionId, string format) => $"/trener/sesje/{sessionId}/lista-obecnosci?format={format}";

    public static string CohortAttendancePath(Guid cohortId, string format) => $"/trener/grupy/{cohortId}/listy-obecnosci?format={format}";

    public static string CohortResultsPath(Guid cohortId, string format) => $"/trener/grupy/{cohortId}/eksport-wynikow?format={format}";

    public static IEndpointRouteBuilder MapTrainingDownloads(this IEndpointRouteBuilder app)
    {
        // Public: the service itself answers 404 for a file that is neither public nor open to the signed-in person.
        app.MapGet("/szkolenia/materialy/{id:guid}/plik", async (Guid id, TrainingClient training, HttpContext context, CancellationToken ct) =>
            DownloadRelay.Relay(context.User.Identity?.IsAuthenticated == true
                    ? await training.CallAsync(c => c.DownloadMaterialAsync(id, ct))
                    : await training.CallAsync(c => c.DownloadPublicMaterialAsync(id, ct)), context, "material",
                ("Nie udało się pobrać pliku.", "The file could not be downloaded."))).AllowAnonymous();
        app.MapGet("/moje-szkolenie/zaswiadczenia/{id:guid}/pdf", async (Guid id, TrainingClient training, HttpContext context, CancellationToken ct) =>
            DownloadRelay.Relay(await training.CallAsync(c => c.CertificatePdfAsync(id, ct)), context, "zaswiadczenie.pdf",
                ("Nie udało się pobrać zaświadczenia.", "The certificate could not be downloaded."))).RequireAuthorization(Policies.Person);
        app.MapGet("/moje-szkolenie/zaswiadczenia/{id:guid}/open-badge", CredentialAsync).RequireAuthorization(Policies.Person);
        app.MapGet("/trener/sesje/{id:guid}/lista-obecnosci", async (Guid id, string? format, TrainingClient training, HttpContext context, CancellationToken ct) =>
            DownloadRelay.Relay(await training.CallAsync(c => c.ExportSessionAttendanceAsync(id, Format(format), ct)), context, $"lista-obecnosci.{Format(format)}",
                ("Nie udało się pobrać listy obecności.", "The attendance list could not be downloaded."))).RequireAuthorization(Policies.TrainerOrOperator);
        app.MapGet("/trener/grupy/{id:guid}/listy-obecnosci", async (Guid id, string? format, TrainingClient training, HttpContext context, CancellationToken ct) =>
            DownloadRelay.Relay(await training.CallAsync(c => c.ExportCohortAttendanceAsync(id, Format(format), ct)), context, $"listy-obecnosci.{Format(format)}",
                ("Nie udało się pobrać list obecności.", "The attendance lists could not be downloaded."))).RequireAuthorization(Policies.TrainerOrOperator);
        app.MapGet("/trener/grupy/{id:guid}/eksport-wynikow", async (Guid id, string? format, TrainingClient training, HttpContext context, CancellationToken ct) =>
            DownloadRelay.Relay(await training.CallAsync(c => c.ExportCohortResultsAsync(id, Format(format), ct)), context, $"wyniki-grupy.{Format(format)}",
                ("Nie udało się pobrać wyników.", "The results could not be downloaded."))).RequireAuthorization(Policies.TrainerOrOperator);
        return app;
    }

    private static string Format(string? format) => format is "xlsx" ? "xlsx" : "csv";

    /// <summary>The Open Badges 3.0 credential is JSON in the contract (the signed JWT and the credential it signs): passed on as a file of that JSON.</summary>
    private static async Task<IResult> CredentialAsync(Guid id, TrainingClient training, HttpContext context, CancellationToken ct)
    {
        var issued = await training.CallAsync(c => c.CertificateCredentialAsync(id, ct));
        if (issued.Value is not { } credential)
        {
            return Results.Problem(statusCode: (int)issued.Status, title: Text.Pick("Nie udało się pobrać poświadczenia.", "The credential could not be downloaded."),
                detail: string.Join(" ", issued.Errors.All));
        }
        context.Response.Headers.CacheControl = "no-store";
        return Results.File(JsonSerializer.SerializeToUtf8Bytes(credential), "application/json", "zaswiadczenie-open-badges.json");
    }
}
