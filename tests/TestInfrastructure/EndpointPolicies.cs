using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cro.Tests.Infrastructure;

/// <summary>
/// Every endpoint must say who may call it: a named policy, or an explicit anonymous marker. The
/// fallback policy makes a forgotten one "signed in only", and this check makes it fail a test.
/// </summary>
public static class EndpointPolicies
{
    public static IReadOnlyList<string> WithoutExplicitPolicy(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            // The framework's own file fallback ({**path:file}) answers 404 for a missing file (GatewayTests checks it).
            .Where(e => !e.Metadata.Any(m => m.GetType().Name == "FallbackMetadata"))
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null
                && !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Policy)))
            .Select(e => e.DisplayName ?? e.ToString() ?? "?")
            .ToList();

    public static void AssertAllExplicit(IServiceProvider services)
    {
        var endpoints = services.GetRequiredService<EndpointDataSource>().Endpoints;
        Assert.NotEmpty(endpoints);
        var unmarked = WithoutExplicitPolicy(services);
        Assert.True(unmarked.Count == 0, "Endpoints without an explicit policy: " + string.Join(", ", unmarked));
    }
}
