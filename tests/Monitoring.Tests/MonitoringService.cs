using System.Net.Http.Json;
using Cro.Tests.Infrastructure;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Cro.Monitoring.Tests;

/// <summary>The monitoring service in-process on a fresh database, accepting test tokens; started once per test class.</summary>
public sealed class MonitoringService : IAsyncLifetime
{
    private ServiceFactory<Program>? _factory;

    public ServiceFactory<Program> Factory => _factory ?? throw new InvalidOperationException("The service did not start.");
    public HttpClient Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _factory = await ServiceFactory<Program>.StartAsync("monitoring", testServices: services => services.AcceptTestTokens());
        Client = Factory.CreateClient();
    }

    /// <summary>A client carrying <paramref name="token"/> (see <see cref="TestTokens"/>).</summary>
    public HttpClient ClientWith(string token)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = TestTokens.Bearer(token);
        return client;
    }

    /// <summary>A partner API client allowed to read indicators.</summary>
    public HttpClient Partner() => ClientWith(TestTokens.Client("partner-indicators", "indicators.read"));

    /// <summary>
    /// Publishes <paramref name="message"/> on the service's broker, then once more with the same message id,
    /// as the broker hands a message over again after a consumer crashed before its ack.
    /// </summary>
    public async Task PublishTwiceAsync<T>(T message, CancellationToken ct) where T : class
    {
        var bus = Factory.Services.GetRequiredService<IBus>();
        var id = Guid.CreateVersion7();
        await bus.Publish(message, context => context.MessageId = id, ct);
        await bus.Publish(message, context => context.MessageId = id, ct);
    }

    /// <summary>
    /// Reads <paramref name="path"/> until <paramref name="done"/>, then once more a moment later: what the redeliveries
    /// left (a count they raised wrongly would show by then).
    /// </summary>
    public static async Task<T> SettledAsync<T>(HttpClient client, string path, Func<T, bool> done, string what, CancellationToken ct) where T : class
    {
        Task<T?> Read() => client.GetFromJsonAsync<T>(path, ct);
        await Eventually.GetAsync(Read, r => r is not null && done(r), what: what);
        await Task.Delay(TimeSpan.FromSeconds(1), ct);
        return (await Read())!;
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }
}
