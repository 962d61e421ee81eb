using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Cro.ServiceDefaults;
using Microsoft.Net.Http.Headers;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Cro.Gateway;

/// <summary>
/// What a caller gets when the gateway could not forward its request: 503 when the service is down (no connection opened,
/// or it is left out as unhealthy: the request did not reach it), 504 when a started request went silent past the activity
/// timeout, 502 when the service broke off its answer (the last two may have done the work), each with Retry-After. API callers (/api, OpenID Connect) get ProblemDetails; a browser asking for a page gets a short page of
/// the site's own (the web that would render one may be the service that is down), in Polish unless it asked for English.
/// </summary>
public static class ProxyErrors
{
    /// <summary>About one probe interval: by then a service that is back is used again.</summary>
    public const int RetryAfterSeconds = 5;

    private const string PageStyle =
        "body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1b1b1b;line-height:1.5}" +
        "h1{font-size:1.6rem}a{color:#0b4f9c}";

    /// <summary>Nothing but the page's own style: no scripts, images or forms, never framed.</summary>
    public static readonly string PagePolicy =
        $"default-src 'none'; style-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(PageStyle)))}'; " +
        "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /// <summary>Runs after the forwarder (and the passive health check) in the proxy's pipeline.</summary>
    public static IReverseProxyApplicationBuilder UseProxyErrors(this IReverseProxyApplicationBuilder proxy)
    {
        proxy.Use(async (context, next) =>
        {
            await next();
            if (context.GetForwarderErrorFeature() is { } error && !context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
            {
                var status = ProxyHealth.NeverReachedService(error) ? StatusCodes.Status503ServiceUnavailable
                    : error.Error == ForwarderError.RequestTimedOut ? StatusCodes.Status504GatewayTimeout
                    // Reached the service, which broke off (closed the connection, answered garbage): it may have done the work.
                    : error.Error == ForwarderError.Request ? StatusCodes.Status502BadGateway
                    : 0;
                if (status != 0)
                {
                    await AnswerAsync(context, status);
                }
            }
        });
        return proxy;
    }

    private static Task AnswerAsync(HttpContext context, int status)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
        var unavailable = status == StatusCodes.Status503ServiceUnavailable;
        if (IsApi(context.Request.Path))
        {
            var service = context.GetReverseProxyFeature().Cluster.Config.ClusterId;
            return Results.Problem(statusCode: status,
                title: unavailable ? Text.Pick("Usługa chwilowo niedostępna.", "Service temporarily unavailable.")
                    : status == StatusCodes.Status504GatewayTimeout ? Text.Pick("Usługa nie odpowiedziała na czas.", "The service did not answer in time.")
                    : Text.Pick("Usługa przerwała odpowiedź.", "The service broke off its answer."),
                detail: unavailable
                    ? Text.Pick($"Usługa „{service}” nie odpowiada; żądanie do niej nie dotarło. Spróbuj ponownie za {RetryAfterSeconds} s.",
                        $"The service '{service}' does not answer; the request did not reach it. Try again in {RetryAfterSeconds} s.")
                    : Text.Pick($"Usługa „{service}” nie dokończyła odpowiedzi. Sprawdź, czy zmiana została zapisana, zanim ją powtórzysz.",
                        $"The service '{service}' did not finish its answer. Check whether the change was saved before repeating it."))
                .ExecuteAsync(context);
        }
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.ContentSecurityPolicy = PagePolicy;
        return response.WriteAsync(Page(unavailable));
    }

    /// <summary>The APIs, the OpenID Connect endpoints and their discovery; everything else is a page of the site.</summary>
    private static bool IsApi(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/connect") || path.StartsWithSegments("/.well-known");

    private static string Page(bool unavailable)
    {
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "pl";
        var title = unavailable ? Text.Pick("Strona chwilowo niedostępna", "Page temporarily unavailable")
            : Text.Pick("Strona nie odpowiedziała", "The page did not answer");
        var explanation = unavailable
            ? Text.Pick("Ta część serwisu CRO jest w tej chwili niedostępna. Odśwież stronę za kilka sekund.",
                "This part of the CRO site is unavailable at the moment. Reload the page in a few seconds.")
            : Text.Pick("Serwis nie dokończył odpowiedzi. Jeśli wysłano formularz, sprawdź, czy dane zostały zapisane, zanim wyślesz go ponownie.",
                "The site did not finish its answer. If you were sending a form, check whether it was saved before sending it again.");
        var again = Text.Pick("Spróbuj ponownie", "Try again");
        return $"""
            <!DOCTYPE html>
            <html lang="{language}">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
            <title>{title} — CRO</title><style>{PageStyle}</style></head>
            <body><main><h1>{title}</h1><p>{explanation}</p><p><a href="">{again}</a></p></main></body>
            </html>
            """;
    }
}
