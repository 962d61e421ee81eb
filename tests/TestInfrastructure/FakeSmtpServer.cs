using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Cro.Tests.Infrastructure;

/// <summary>
/// An SMTP server in the test process on a free loopback port, keeping every message it accepts.
/// Tests that need it "down" put a <see cref="TcpProxy"/> in front of it and cut that.
/// </summary>
public sealed class FakeSmtpServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> _received = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    /// <param name="port">A port to listen on, for a mail server that comes back where a service expects it; a free one by default.</param>
    public FakeSmtpServer(int? port = null)
    {
        Port = port ?? FreePort();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(_received));
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }

    /// <summary>The <c>ConnectionStrings:smtp</c> a service sends here with.</summary>
    public string ConnectionString => $"smtp://127.0.0.1:{Port}";

    public IReadOnlyList<MimeMessage> Received => [.. _received];

    public IReadOnlyList<MimeMessage> ReceivedBy(string address) =>
        [.. _received.Where(m => m.To.Mailboxes.Any(to => to.Address == address))];

    /// <summary>Waits until <paramref name="address"/> has at least <paramref name="count"/> messages, and returns them.</summary>
    public Task<IReadOnlyList<MimeMessage>> WaitForAsync(string address, int count = 1, TimeSpan? within = null) =>
        Eventually.GetAsync(() => Task.FromResult(ReceivedBy(address)), m => m.Count >= count, within,
            what: $"{count} message(s) to {address}");

    public static int FreePort() => FreePorts.Next();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }

    private sealed class Store(ConcurrentQueue<MimeMessage> received) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            received.Enqueue(MimeMessage.Load(stream, cancellationToken));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
