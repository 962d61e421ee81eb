using Cro.ServiceDefaults;
using Scalar.AspNetCore;

namespace Cro.Gateway;

public static class ApiReference
{
    /// <summary>One API reference page (Scalar) at /api/docs with every service's OpenAPI document and the webhook catalogue.</summary>
    public static IEndpointRouteBuilder MapApiReference(this IEndpointRouteBuilder app)
    {
        app.MapScalarApiReference("/api/docs", options =>
        {
            options.WithTitle("CRO API");
            // Its default fonts come from a third-party host: the page makes no request beyond this origin.
            options.DisableDefaultFonts();
            foreach (var (name, title) in ApiServices.All)
            {
                options.AddDocument(name, title, OpenApiDefaults.DocumentPath(name));
            }
            options.AddDocument(ApiServices.WebhookCatalogue.Name, ApiServices.WebhookCatalogue.Title, ApiServices.WebhookCatalogue.Path);
        }).AllowAnonymous();

        // An /api path that no service claims is an API caller's mistake: answer it as an API would.
        app.Map("/api/{**rest}", () => ProblemDetailsDefaults.NotFound(
            "Nie ma takiego API. Spis API: /api/docs.", "No such API. The list of APIs is at /api/docs.")).AllowAnonymous();
        return app;
    }
}
