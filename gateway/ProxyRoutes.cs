using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Transforms;

namespace Cro.Gateway;

/// <summary>
/// YARP routes: /api/{service}/** to that service, anything else to the web. Destinations are
/// service names, resolved by service discovery (Aspire locally, Kubernetes DNS in production) when the configuration is
/// loaded and again when discovery says the endpoints changed, never per request; each cluster has the timeouts and
/// health checks of <see cref="ProxyHealth"/>.
/// </summary>
public static class ProxyRoutes
{
    public static IReverseProxyBuilder AddCroRoutes(this IReverseProxyBuilder proxy)
    {
        var routes = ApiServices.All
            .Select(s => new RouteConfig
            {
                RouteId = s.Name,
                ClusterId = s.Name,
                Match = new RouteMatch { Path = $"/api/{s.Name}/{{**rest}}" },
            })
            .Concat(ApiServices.IdentityPaths.Select((path, i) => new RouteConfig
            {
                RouteId = $"identity-{i}",
                ClusterId = "identity",
                Match = new RouteMatch { Path = path },
            }))
            .Concat(SignInRateLimit.Paths.Select((path, i) => new RouteConfig
            {
                RouteId = $"identity-sign-in-{i}",
                ClusterId = "identity",
                Match = new RouteMatch { Path = path },
                RateLimiterPolicy = SignInRateLimit.Policy,
            }))
            .Append(new RouteConfig
            {
                RouteId = ApiServices.Web,
                ClusterId = ApiServices.Web,
                Order = int.MaxValue,
                Match = new RouteMatch { Path = "/{**rest}" },
            })
            .ToList();

        var clusters = ApiServices.All.Select(s => s.Name).Append(ApiServices.Web)
            .Select(name => new ClusterConfig
            {
                ClusterId = name,
                Destinations = new Dictionary<string, DestinationConfig>
                {
                    [name] = new() { Address = $"http://{name}" },
                },
            }.WithHealthChecks())
            .ToList();

        // The gateway lets every request through to its service, which authenticates and authorizes it
        // itself (tokens, cookies, policies per endpoint); the routes say so explicitly.
        routes = [.. routes.Select(route => route with { AuthorizationPolicy = "anonymous" })];

        // Services see the Host the caller used (the public one), so the addresses they publish and
        // redirect to (OpenID Connect metadata, sign-in callbacks) are the gateway's, never their own.
        var withOriginalHost = routes.Select(route => route.WithTransformUseOriginalHostHeader()).ToList();
        return proxy.LoadFromMemory(withOriginalHost, clusters).AddServiceDiscoveryDestinationResolver();
    }
}
