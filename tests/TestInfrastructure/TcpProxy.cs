using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Cro.Tests.Infrastructure;

/// <summary>
/// Forwards a local port to a server and can be cut and restored, so a test can take a real broker
/// "down" for one client without stopping it for everyone else, or freeze it (connections stay open, nothing answers),
/// as a broker stopped with SIGSTOP or stalled.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly string _targetHost;
    private readonly int _targetPort;
    private readonly ConcurrentDictionary<TcpClient, byte> _connections = new();
    private TcpListener? _listener;
    private CancellationTokenSource _cts = new();
    private volatile TaskCompletionSource _flowing = Flowing();

    public TcpProxy(string targetHost, int targetPort)
    {
        (_targetHost, _targetPort) = (targetHost, targetPort);
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
    }

    public int Port { get; }

    public void Start()
    {
        _cts = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        _ = AcceptAsync(_listener, _cts.Token);
    }

    /// <summary>Refuses new connections and breaks the open ones, as a broker that went away.</summary>
    public void Stop()
    {
        _cts.Cancel();
        _listener?.Stop();
        foreach (var client in _connections.Keys)
        {
            client.Dispose();
        }
        _connections.Clear();
    }

    /// <summary>Holds every byte in both directions, on open and new connections alike, until <see cref="Thaw"/>.</summary>
    public void Freeze()
    {
        if (_flowing.Task.IsCompleted)
        {
            _flowing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public void Thaw() => _flowing.TrySetResult();

    private static TaskCompletionSource Flowing()
    {
        var flowing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        flowing.SetResult();
        return flowing;
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var inbound = await listener.AcceptTcpClientAsync(ct);
                var outbound = new TcpClient();
                try
                {
                    await outbound.ConnectAsync(_targetHost, _targetPort, ct);
                }
                catch (SocketException)
                {
                    inbound.Dispose();
                    outbound.Dispose();
                    continue;
                }
                _connections[inbound] = 0;
                _connections[outbound] = 0;
                _ = PumpAsync(inbound, outbound, ct);
                _ = PumpAsync(outbound, inbound, ct);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }
    }

    private async Task PumpAsync(TcpClient from, TcpClient to, CancellationToken ct)
    {
        try
        {
            var buffer = new byte[81920];
            var source = from.GetStream();
            var destination = to.GetStream();
            int read;
            while ((read = await source.ReadAsync(buffer, ct)) > 0)
            {
                await _flowing.Task.WaitAsync(ct);
                await destination.WriteAsync(buffer.AsMemory(0, read), ct);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }
        finally
        {
            from.Dispose();
            to.Dispose();
            _connections.TryRemove(from, out _);
            _connections.TryRemove(to, out _);
        }
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }
}
