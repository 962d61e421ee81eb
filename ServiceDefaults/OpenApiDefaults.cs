using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace Cro.ServiceDefaults;

public static class OpenApiDefaults
{
    /// <summary>Where a service's OpenAPI document lives; the gateway routes it and lists it in /api/docs.</summary>
    public static string DocumentPath(string service) => $"/api/{service}/openapi/v1.json";

    public static IServiceCollection AddCroOpenApi(this IServiceCollection services, string service, string description) =>
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = $"CRO {service} API",
                Version = "v1",
                Description = description,
            };
            // Callers reach every service through the gateway at the same origin.
            document.Servers = [new OpenApiServer { Url = "/" }];
            return Task.CompletedTask;
        }));

    public static IEndpointRouteBuilder MapCroOpenApi(this IEndpointRouteBuilder app, string service)
    {
        app.MapOpenApi($"/api/{service}/openapi/{{documentName}}.json").AllowAnonymous();
        return app;
    }
}
