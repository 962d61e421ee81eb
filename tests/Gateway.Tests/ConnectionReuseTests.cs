using System.Net;
using Cro.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace Cro.Gateway.Tests;

/// <summary>
/// The hop through the gateway costs a forwarded request on a connection the gateway already holds, not a new connection
/// (nor a new lookup of the service's address) per request: requests reuse a few pooled connections to the service.
/// </summary>
public sealed class ConnectionReuseTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Requests_through_the_gateway_reuse_a_few_connections_to_the_service()
    {
        var port = FreePorts.Next();
        var connections = 0;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port, listen => listen.Use(next => connection =>
        {
            Interlocked.Increment(ref connections);
            return next(connection);
        })));
        await using var service = builder.Build();
        service.MapGet("/alive", () => "Healthy");
        service.MapGet("/api/training/ping", () => Results.Json(new { pong = true }));
        await service.StartAsync(Ct);
        await using var gateway = new WebApplicationFactory<Program>().WithWebHostBuilder(host => host
            .UseEnvironment("Production")
            .UseSetting("services:training:http:0", $"http://127.0.0.1:{port}"));
        var client = gateway.CreateClient();

        for (var i = 0; i < 100; i++)
        {
            using var response = await client.GetAsync("/api/training/ping", Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        const int Concurrent = 8;
        await Task.WhenAll(Enumerable.Range(0, Concurrent).Select(async _ =>
        {
            for (var i = 0; i < 25; i++)
            {
                using var response = await client.GetAsync("/api/training/ping", Ct);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }));

        // At most one per concurrent request, and one more for a health probe that found them all busy.
        Assert.True(connections is >= 1 and <= Concurrent + 1, $"{connections} connections for 300 requests.");
    }
}
