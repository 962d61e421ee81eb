using Microsoft.Net.Http.Headers;

namespace Cro.Gateway;

/// <summary>
/// The security headers of every answer the public origin gives, set once here for pages, APIs, errors
/// and downloads alike. A service that knows better (the web's pages) sends its own Content-Security-Policy,
/// which is kept; otherwise HTML gets a same-origin policy without inline script or style, and anything
/// else (JSON, files) a policy that allows nothing to run. The Server header is not forwarded.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>Pages: scripts, styles, images and forms of this origin only; never framed.</summary>
    public const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    /// <summary>API answers and downloads: nothing in them may run or be framed, even if a browser opens one.</summary>
    public const string ResourcePolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /// <summary>
    /// The API reference (Scalar) is a script application that writes its configuration and styles inline;
    /// it holds no personal data and no session, so it alone may.
    /// </summary>
    public const string ApiReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var response = context.Response;
            var headers = response.Headers;
            headers.Remove(HeaderNames.Server);
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (string.IsNullOrEmpty(headers.ContentSecurityPolicy))
            {
                headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/api/docs") ? ApiReferencePolicy
                    : response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true ? PagePolicy
                    : ResourcePolicy;
            }
            // Only over HTTPS (the ingress says so in X-Forwarded-Proto): a browser ignores it on plain HTTP.
            if (context.Request.IsHttps)
            {
                headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
            }
            return Task.CompletedTask;
        });
        await next(context);
    });
}
