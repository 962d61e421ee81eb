using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;

namespace Cro.ServiceDefaults;

/// <summary>Examples in the OpenAPI document, so partners see a real request and answer in /api/docs.</summary>
public static class OpenApiExamples
{
    /// <summary>An example of the JSON request body.</summary>
    public static RouteHandlerBuilder WithRequestExample(this RouteHandlerBuilder endpoint, object example) =>
        endpoint.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.RequestBody?.Content?.TryGetValue("application/json", out var body) == true)
            {
                body.Example = Json(example);
            }
            return Task.CompletedTask;
        });

    /// <summary>An example of the JSON answer with <paramref name="status"/>.</summary>
    public static RouteHandlerBuilder WithResponseExample(this RouteHandlerBuilder endpoint, int status, object example) =>
        endpoint.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.Responses?.TryGetValue(status.ToString(System.Globalization.CultureInfo.InvariantCulture), out var response) == true
                && response.Content?.TryGetValue("application/json", out var body) == true)
            {
                body.Example = Json(example);
            }
            return Task.CompletedTask;
        });

    private static JsonNode? Json(object example) => JsonSerializer.SerializeToNode(example, JsonSerializerOptions.Web);
}
