extern alias gateway;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Cro.Benchmarks;

/// <summary>The gateway on its own, routing /api/{service} to one service listening on its loopback port.</summary>
internal sealed class GatewayFactory(string service, Uri address) : WebApplicationFactory<gateway::Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting($"services:{service}:http:0", address.ToString().TrimEnd('/'));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }
}
