using Cro.ServiceDefaults.Security;
using Cro.Web.Publishing.Api;

namespace Cro.Web.Publishing.Conferences.Operator;

/// <summary>
/// ORE's files of a conference, relayed from publishing with the operator's token (<see cref="DownloadRelay"/>): the attendance
/// list (CSV or XLSX) and a participant's attendance certificate (PDF).
/// </summary>
public static class ConferenceDownloads
{
    public static string AttendancePath(Guid conferenceId, string format) => $"/administracja/konferencje/{conferenceId}/lista-obecnosci?format={format}";

    public static string CertificatePath(Guid conferenceId, Guid registrationId) =>
        $"/administracja/konferencje/{conferenceId}/zgloszenia/{registrationId}/zaswiadczenie";

    public static IEndpointRouteBuilder MapConferenceDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/administracja/konferencje/{id:guid}/lista-obecnosci", async (Guid id, string? format, PublishingClient publishing, HttpContext context,
                CancellationToken ct) =>
            {
                format = format is "xlsx" ? "xlsx" : "csv";
                return DownloadRelay.Relay(await publishing.CallAsync(c => c.ExportConferenceAttendanceAsync(id, format, ct)), context,
                    $"lista-obecnosci.{format}", ("Nie udało się pobrać listy obecności.", "The attendance list could not be downloaded."));
            })
            .RequireAuthorization(Policies.Operator);
        app.MapGet("/administracja/konferencje/{id:guid}/zgloszenia/{registrationId:guid}/zaswiadczenie", async (Guid id, Guid registrationId,
                PublishingClient publishing, HttpContext context, CancellationToken ct) =>
            DownloadRelay.Relay(await publishing.CallAsync(c => c.ConferenceCertificateAsync(id, registrationId, ct)), context, "zaswiadczenie.pdf",
                ("Nie udało się pobrać zaświadczenia.", "The certificate could not be downloaded.")))
            .RequireAuthorization(Policies.Operator);
        return app;
    }
}
