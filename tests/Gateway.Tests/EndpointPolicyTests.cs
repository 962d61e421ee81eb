using Cro.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Yarp.ReverseProxy.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cro.Gateway.Tests;

public sealed class EndpointPolicyTests
{
    [Fact]
    public void Every_route_and_endpoint_of_the_gateway_is_explicitly_public_the_services_behind_it_decide()
    {
        using var gateway = new WebApplicationFactory<Program>().WithWebHostBuilder(host => host.UseEnvironment("Production"));

        EndpointPolicies.AssertAllExplicit(gateway.Services);
        Assert.All(gateway.Services.GetRequiredService<IProxyConfigProvider>().GetConfig().Routes,
            route => Assert.Equal("anonymous", route.AuthorizationPolicy));
    }
}
