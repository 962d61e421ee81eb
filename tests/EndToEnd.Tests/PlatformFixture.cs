using System.Net;
using System.Net.Sockets;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;

[assembly: AssemblyFixture(typeof(Cro.EndToEnd.Tests.PlatformFixture))]

namespace Cro.EndToEnd.Tests;

/// <summary>
/// The whole platform started by the real AppHost, once for all tests of this assembly: local
/// PostgreSQL and RabbitMQ binaries as AppHost resources (data in a temporary folder, ports of their
/// own), database setup, every service, the web and the gateway, all as local processes.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "cro-e2e-" + Guid.NewGuid().ToString("N")[..8]);
    private DistributedApplication? _app;

    public HttpClient Gateway { get; private set; } = null!;
    public Uri GatewayAddress => Gateway.BaseAddress!;

    public async ValueTask InitializeAsync()
    {
        using var startup = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
        [
            $"--Infrastructure:Mode={Environment.GetEnvironmentVariable("CRO_TEST_INFRA") ?? "local"}",
            $"--Infrastructure:DataDirectory={_dataDirectory}",
            $"--Infrastructure:PostgresPort={FreePort()}",
            $"--Infrastructure:RabbitMqPort={FreePort(maximum: 45000)}",
            $"--Infrastructure:RabbitMqManagementPort={FreePort()}",
            $"--Gateway:Port={FreePort()}",
        ], (options, _) => options.DisableDashboard = true, startup.Token);

        _app = await builder.BuildAsync(startup.Token);
        await _app.StartAsync(startup.Token);
        await _app.ResourceNotifications.WaitForResourceHealthyAsync("gateway", startup.Token);
        Gateway = _app.CreateHttpClient("gateway");
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A server still closing its files; the folder is in /tmp.
        }
    }

    /// <summary>A free loopback port; RabbitMQ's distribution port is the AMQP port + 20000, so that one stays low.</summary>
    private static int FreePort(int maximum = 65535)
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            if (port <= maximum)
            {
                return port;
            }
        }
    }
}
