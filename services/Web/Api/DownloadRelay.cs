using System.Net.Http.Headers;

namespace Cro.Web.Api;

/// <summary>
/// Passes a service's file download on to the browser, which holds no token for the service's API:
/// the web fetched it with the person's token (a generated client's <see cref="FileResponse"/>, read as it
/// streams) and passes it on as it arrives, never caching it.
/// </summary>
public static class DownloadRelay
{
    public static IResult Relay(ApiResult<FileResponse> download, HttpContext context, string fallbackName, (string Pl, string En) failureTitle)
    {
        if (download.Value is not { } file)
        {
            return Results.Problem(statusCode: (int)download.Status, title: Text.Pick(failureTitle.Pl, failureTitle.En),
                detail: string.Join(" ", download.Errors.All));
        }
        context.Response.RegisterForDispose(file);
        // Personal data: no copy stays in a cache on the way.
        context.Response.Headers.CacheControl = "no-store";
        var name = Header(file, "Content-Disposition") is { } disposition && ContentDispositionHeaderValue.TryParse(disposition, out var parsed)
            ? parsed.FileName?.Trim('"')
            : null;
        return Results.Stream(file.Stream, Header(file, "Content-Type") ?? "application/octet-stream", name ?? fallbackName);
    }

    private static string? Header(FileResponse file, string name) =>
        file.Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value is { } values
            ? string.Join(", ", values)
            : null;
}
