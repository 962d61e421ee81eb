using Cro.ServiceDefaults.Security;
using Cro.Web.Monitoring.Api;

namespace Cro.Web.Monitoring.Participants;

/// <summary>
/// The SM EFS import files, relayed from monitoring with the signed-in person's token (<see cref="DownloadRelay"/>): participants
/// and institutions, CSV or XLSX, the valid rows only. For ORE's ESF+ data staff (the files carry special-category data).
/// </summary>
public static class SmEfsDownloads
{
    public const string ParticipantsPath = "/administracja/uczestnicy/sm-efs/uczestnicy";
    public const string InstitutionsPath = "/administracja/uczestnicy/sm-efs/instytucje";

    public static string Participants(string format) => $"{ParticipantsPath}.{format}";

    public static string Institutions(string format) => $"{InstitutionsPath}.{format}";

    public static IEndpointRouteBuilder MapSmEfsDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet(ParticipantsPath + ".{format}", async (string format, MonitoringClient monitoring, HttpContext context, CancellationToken ct) =>
            {
                format = format is "xlsx" ? "xlsx" : "csv";
                return DownloadRelay.Relay(await monitoring.CallAsync(c => c.ExportSmEfsParticipantsAsync(format, null, ct)), context,
                    $"sm-efs-uczestnicy.{format}", ("Nie udało się pobrać pliku uczestników.", "The participants' file could not be downloaded."));
            })
            .RequireAuthorization(Policies.EsfData);
        app.MapGet(InstitutionsPath + ".{format}", async (string format, MonitoringClient monitoring, HttpContext context, CancellationToken ct) =>
            {
                format = format is "xlsx" ? "xlsx" : "csv";
                return DownloadRelay.Relay(await monitoring.CallAsync(c => c.ExportSmEfsInstitutionsAsync(format, null, ct)), context,
                    $"sm-efs-instytucje.{format}", ("Nie udało się pobrać pliku instytucji.", "The institutions' file could not be downloaded."));
            })
            .RequireAuthorization(Policies.EsfData);
        return app;
    }
}
