using Cro.ServiceDefaults;

namespace Cro.Web.Api;

/// <summary>
/// Passes a service's file download on to the browser, which holds no token for the service's API:
/// the web fetched it with the person's token and streams it on as it arrives, never caching it.
/// </summary>
public static class DownloadRelay
{
    public static async Task<IResult> RelayAsync(HttpResponseMessage response, HttpContext context, string fallbackName,
        (string Pl, string En) failureTitle, CancellationToken ct)
    {
        context.Response.RegisterForDispose(response);
        if (!response.IsSuccessStatusCode)
        {
            var failure = await ApiResult<object>.ReadAsync(response, ct);
            return Results.Problem(statusCode: (int)response.StatusCode, title: Text.Pick(failureTitle.Pl, failureTitle.En),
                detail: string.Join(" ", failure.Errors.All));
        }
        // Personal data: no copy stays in a cache on the way.
        context.Response.Headers.CacheControl = "no-store";
        var name = response.Content.Headers.ContentDisposition?.FileName?.Trim('"') ?? fallbackName;
        return Results.Stream(await response.Content.ReadAsStreamAsync(ct),
            response.Content.Headers.ContentType?.ToString() ?? "application/octet-stream", name);
    }
}
