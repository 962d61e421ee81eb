using Cro.ServiceDefaults.Security;
using Cro.Web.Publishing.Api;

namespace Cro.Web.Publishing;

/// <summary>The files of a practice being written or reviewed, relayed from publishing for its JST's team, its advisor and ORE (the service answers 404 to anyone else).</summary>
public static class PracticeFilePaths
{
    public static string Draft(Guid practiceId, Guid fileId) => $"/moje-praktyki/{practiceId}/pliki/{fileId}";

    public static IEndpointRouteBuilder MapPracticeDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/moje-praktyki/{id:guid}/pliki/{fileId:guid}", async (Guid id, Guid fileId, PublishingClient publishing, HttpContext context,
                CancellationToken ct) =>
            DownloadRelay.Relay(await publishing.CallAsync(c => c.DownloadPracticeFileAsync(id, fileId, ct)), context, "plik",
                ("Nie udało się pobrać pliku praktyki.", "The practice's file could not be downloaded.")))
            .RequireAuthorization(Policies.AdvisoryParty);
        return app;
    }
}
