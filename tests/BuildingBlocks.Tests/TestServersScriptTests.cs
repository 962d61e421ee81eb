using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Cro.BuildingBlocks.Tests;

/// <summary>
/// tests/with-servers.sh, which test.sh and CI run everything through: a port held by something else
/// (a local run, a connection, a run before this one) must not stop it from starting its servers.
/// </summary>
public sealed class TestServersScriptTests
{
    [Fact]
    public async Task Starts_its_servers_on_other_ports_when_the_preferred_ones_are_taken()
    {
        // Hold the ports it would prefer (the run of this suite already holds the defaults).
        var (postgresPort, postgresHolder) = HeldPort(61500);
        var (rabbitPort, rabbitHolder) = HeldPort(61600);
        using var _ = postgresHolder;
        using var __ = rabbitHolder;

        var script = Path.Combine(Repository.Root, "tests", "with-servers.sh");
        var start = new ProcessStartInfo("bash", [script, "bash", "-c", "echo \"$CRO_TEST_POSTGRES\"; echo \"$CRO_TEST_RABBITMQ\""])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["CRO_TEST_POSTGRES_PORT"] = postgresPort.ToString();
        start.Environment["CRO_TEST_RABBITMQ_PORT"] = rabbitPort.ToString();
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var output = await process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = await process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);

        Assert.True(process.ExitCode == 0, errors);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var postgres = new NpgsqlConnectionStringBuilder(lines[0]);
        var broker = new Uri(lines[1]);
        Assert.NotEqual(postgresPort, postgres.Port);
        Assert.NotEqual(rabbitPort, broker.Port);
        // Outside Linux's ephemeral range, where outgoing connections could hold them.
        Assert.All([postgres.Port, broker.Port], port => Assert.False(port is >= 32768 and <= 60999));
    }

    /// <summary>A loopback port held by a listener, at or above the one asked for.</summary>
    private static (int Port, TcpListener Holder) HeldPort(int from)
    {
        for (var port = from; ; port++)
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            try
            {
                listener.Start();
                return (port, listener);
            }
            catch (SocketException)
            {
                listener.Dispose();
            }
        }
    }
}
