using System.Net;
using System.Net.Sockets;

namespace Cro.Tests.Infrastructure;

/// <summary>
/// TCP ports for servers a test starts (PostgreSQL, RabbitMQ, the gateway), outside Linux's ephemeral range
/// (net.ipv4.ip_local_port_range): a port the OS hands out for "any free port" lies inside it, where any outgoing
/// connection may take it again before the server binds it. Each port is free on every address when chosen, never
/// handed out twice by this process, and picked from a random start so parallel runs rarely meet.
/// </summary>
public static class FreePorts
{
    private static readonly HashSet<int> Given = [];
    private static readonly Lock Gate = new();

    public static int Next()
    {
        var (low, high) = EphemeralRange();
        var candidates = Enumerable.Range(20_000, low - 20_000).Concat(Enumerable.Range(high + 1, 65_535 - high)).ToArray();
        var start = Random.Shared.Next(candidates.Length);
        lock (Gate)
        {
            for (var i = 0; i < candidates.Length; i++)
            {
                var port = candidates[(start + i) % candidates.Length];
                if (!Given.Contains(port) && IsFree(port))
                {
                    Given.Add(port);
                    return port;
                }
            }
        }
        throw new InvalidOperationException("No free TCP port outside the ephemeral range.");
    }

    private static (int Low, int High) EphemeralRange()
    {
        try
        {
            var parts = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
            return (int.Parse(parts[0]), int.Parse(parts[1]));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return (32_768, 60_999);
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Any, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
