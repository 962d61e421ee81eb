using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.OpenApi;

namespace Cro.ServiceDefaults;

public static class OpenApiDefaults
{
    /// <summary>Where a service's OpenAPI document lives; the gateway routes it and lists it in /api/docs.</summary>
    public static string DocumentPath(string service) => $"/api/{service}/openapi/v1.json";

    /// <summary>
    /// The service's document: its title and description, one schema name per type (<see cref="OpenApiSchemaNames"/>),
    /// the security schemes and each operation's access with its 401 and 403 (<see cref="OpenApiSecurity"/>).
    /// </summary>
    public static IServiceCollection AddCroOpenApi(this IServiceCollection services, string service, string description) =>
        services.AddOpenApi(options =>
        {
            options.CreateSchemaReferenceId = new OpenApiSchemaNames().ReferenceId;
            options.AddSchemaTransformer(OpenApiSchemaNames.DescribeInPlace);
            options.AddDocumentTransformer((document, _, _) =>
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
            });
            options.AddDocumentTransformer(OpenApiSecurity.DescribeSchemesAsync);
            options.AddOperationTransformer(OpenApiSecurity.DescribeOperationAsync);
        });

    /// <summary>In the OpenAPI document: the endpoint answers 200 with a file, of one of <paramref name="contentTypes"/>.</summary>
    public static RouteHandlerBuilder ProducesFile(this RouteHandlerBuilder endpoint, params string[] contentTypes) => endpoint
        .Produces(StatusCodes.Status200OK)
        .AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.Responses?.GetValueOrDefault("200") is OpenApiResponse ok)
            {
                ok.Content = contentTypes.ToDictionary(type => type,
                    _ => new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } });
            }
            return Task.CompletedTask;
        });

    /// <summary>A security requirement that any access token of identity's meets.</summary>
    public static OpenApiSecurityRequirement AnyToken(OpenApiDocument? document) =>
        new() { [new OpenApiSecuritySchemeReference(OpenApiSecurity.Bearer, document)] = [] };

    public static IEndpointRouteBuilder MapCroOpenApi(this IEndpointRouteBuilder app, string service)
    {
        app.MapOpenApi($"/api/{service}/openapi/{{documentName}}.json").AllowAnonymous();
        return app;
    }
}
