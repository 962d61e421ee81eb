using System.Net;
using Cro.ServiceDefaults;
using Cro.ServiceDefaults.Security;
using Cro.Web.Api;
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
        app.MapGet("/szkolenia/materialy/{id:guid}/plik", (Guid id, TrainingClient training, HttpContext context, CancellationToken ct) =>
            RelayAsync(() => training.MaterialFileAsync(id, context.User.Identity?.IsAuthenticated == true, ct), context, "material",
                ("Nie udało się pobrać pliku.", "The file could not be downloaded."), ct)).AllowAnonymous();
        app.MapGet("/moje-szkolenie/zaswiadczenia/{id:guid}/pdf", (Guid id, TrainingClient training, HttpContext context, CancellationToken ct) =>
            RelayAsync(() => training.CertificatePdfAsync(id, ct), context, "zaswiadczenie.pdf",
                ("Nie udało się pobrać zaświadczenia.", "The certificate could not be downloaded."), ct)).RequireAuthorization(Policies.Person);
        app.MapGet("/moje-szkolenie/zaswiadczenia/{id:guid}/open-badge", (Guid id, TrainingClient training, HttpContext context, CancellationToken ct) =>
            RelayAsync(() => training.CertificateCredentialAsync(id, ct), context, "zaswiadczenie-open-badges.json",
                ("Nie udało się pobrać poświadczenia.", "The credential could not be downloaded."), ct)).RequireAuthorization(Policies.Person);
        app.MapGet("/trener/sesje/{id:guid}/lista-obecnosci", (Guid id, string? format, TrainingClient training, HttpContext context, CancellationToken ct) =>
            RelayAsync(() => training.SessionAttendanceExportAsync(id, Format(format), ct), context, $"lista-obecnosci.{Format(format)}",
                ("Nie udało się pobrać listy obecności.", "The attendance list could not be downloaded."), ct)).RequireAuthorization(Policies.TrainerOrOperator);
        app.MapGet("/trener/grupy/{id:guid}/listy-obecnosci", (Guid id, string? format, TrainingClient training, HttpContext context, CancellationToken ct) =>
            RelayAsync(() => training.CohortAttendanceExportAsync(id, Format(format), ct), context, $"listy-obecnosci.{Format(format)}",
                ("Nie udało się pobrać list obecności.", "The attendance lists could not be downloaded."), ct)).RequireAuthorization(Policies.TrainerOrOperator);
        app.MapGet("/trener/grupy/{id:guid}/eksport-wynikow", (Guid id, string? format, TrainingClient training, HttpContext context, CancellationToken ct) =>
            RelayAsync(() => training.CohortResultsExportAsync(id, Format(format), ct), context, $"wyniki-grupy.{Format(format)}",
                ("Nie udało się pobrać wyników.", "The results could not be downloaded."), ct)).RequireAuthorization(Policies.TrainerOrOperator);
        return app;
    }

    private static string Format(string? format) => format is "xlsx" ? "xlsx" : "csv";

    private static async Task<IResult> RelayAsync(Func<Task<HttpResponseMessage>> fetch, HttpContext context, string fallbackName,
        (string Pl, string En) failureTitle, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            response = await fetch();
        }
        catch (HttpRequestException)
        {
            return Results.Problem(statusCode: (int)HttpStatusCode.ServiceUnavailable, title: Text.Pick(failureTitle.Pl, failureTitle.En),
                detail: Text.Pick("Usługa szkoleń jest chwilowo niedostępna; spróbuj ponownie za chwilę.",
                    "The training service is unavailable at the moment; try again in a moment."));
        }
        return await DownloadRelay.RelayAsync(response, context, fallbackName, failureTitle, ct);
    }
}
