using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cro.PartnerClient;

/// <summary>
/// The partner's webhook receiver: a small Kestrel app on a loopback port that records every request and answers as the test
/// scripts it (a status, a delay, a Retry-After, a redirect), then 204 once the script runs out.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Reply> _script = new();
    private readonly ConcurrentQueue<Received> _received = new();

    /// <param name="Delay">How long to wait before answering (beyond the sender's timeout: no answer).</param>
    public sealed record Reply(int Status, TimeSpan Delay = default, string? RetryAfter = null, string? Location = null);

    public sealed record Received(string Id, string Timestamp, string Signature, string Body, DateTimeOffset At, int Answered);

    private WebhookReceiver(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hooks", receiver.HandleAsync);
        await app.StartAsync();
        receiver.Url = new Uri(app.Urls.Single() + "/hooks");
        return receiver;
    }

    /// <summary>The answers to give, in order, to the next requests.</summary>
    public void Script(params Reply[] replies)
    {
        foreach (var reply in replies)
        {
            _script.Enqueue(reply);
        }
    }

    public IReadOnlyList<Received> Requests => [.. _received];

    /// <summary>The requests once there are at least <paramref name="count"/>; a TimeoutException after <paramref name="within"/> (30 s).</summary>
    public async Task<IReadOnlyList<Received>> WaitForAsync(int count, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        while (Requests.Count < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Gave up waiting for {count} webhook requests; {Requests.Count} arrived.");
            }
            await Task.Delay(100);
        }
        return Requests;
    }

    /// <summary>Whether <paramref name="request"/> is signed with <paramref name="secret"/> (see <see cref="StandardWebhooks"/>).</summary>
    public static bool IsSignedWith(string secret, Received request) =>
        StandardWebhooks.Verify(secret, request.Id, request.Timestamp, request.Body, request.Signature, DateTimeOffset.UtcNow);

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var reply = _script.TryDequeue(out var scripted) ? scripted : new Reply(StatusCodes.Status204NoContent);
        _received.Enqueue(new Received(context.Request.Headers["webhook-id"].ToString(), context.Request.Headers["webhook-timestamp"].ToString(),
            context.Request.Headers["webhook-signature"].ToString(), body, DateTimeOffset.UtcNow, reply.Status));
        if (reply.Delay > TimeSpan.Zero)
        {
            await Task.Delay(reply.Delay, context.RequestAborted).ContinueWith(_ => { });
        }
        context.Response.StatusCode = reply.Status;
        if (reply.RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }
        if (reply.Location is { } location)
        {
            context.Response.Headers.Location = location;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
