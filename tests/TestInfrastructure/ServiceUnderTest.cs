using System.Text.Json;
using Dapper;
using MassTransit;
using Npgsql;

namespace Cro.Tests.Infrastructure;

/// <summary>
/// A service in-process on a fresh database and virtual host, accepting test tokens, with a clock the tests move
/// (<see cref="Clock"/>); started once per test class. Consumer retries are quick, so a message that waits for another
/// is retried within a test's patience. A fixture names its database and adds its own settings.
/// </summary>
public abstract class ServiceUnderTest<TProgram>(string database) : IAsyncLifetime where TProgram : class
{
    private ServiceFactory<TProgram>? _factory;

    public ServiceFactory<TProgram> Factory => _factory ?? throw new InvalidOperationException("The service did not start.");

    /// <summary>The service's clock: real time until a test moves it forward.</summary>
    public TestClock Clock { get; } = new();

    /// <summary>A client without a token.</summary>
    public HttpClient Anonymous { get; private set; } = null!;

    public IBus Bus => Factory.Services.GetRequiredService<IBus>();

    /// <summary>The fixture's own settings, over the common ones.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public async ValueTask InitializeAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Messaging:Retry:MinInterval"] = "00:00:00.200",
            ["Messaging:Retry:MaxInterval"] = "00:00:01",
            ["Messaging:Retry:Limit"] = "10",
            ["Identity:Issuer"] = TestTokens.Issuer,
        };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }
        _factory = await ServiceFactory<TProgram>.StartAsync(database, settings, services =>
        {
            services.AcceptTestTokens();
            services.AddSingleton<TimeProvider>(Clock);
        });
        Anonymous = Factory.CreateClient();
    }

    /// <summary>A client carrying <paramref name="token"/> (see <see cref="TestTokens"/>).</summary>
    public HttpClient ClientWith(string token)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = TestTokens.Bearer(token);
        return client;
    }

    public HttpClient Operator() =>
        ClientWith(TestTokens.Person(Guid.CreateVersion7(), ["operator"], email: $"{Guid.NewGuid():N}@ore.example.pl", name: "Osoba Testowa"));

    /// <summary>
    /// Publishes <paramref name="message"/> on the service's broker, then once more with the same message id,
    /// as the broker hands a message over again after a consumer crashed before its ack.
    /// </summary>
    public async Task PublishTwiceAsync<T>(T message) where T : class
    {
        var id = Guid.CreateVersion7();
        await Bus.Publish(message, context => context.MessageId = id, TestContext.Current.CancellationToken);
        await Bus.Publish(message, context => context.MessageId = id, TestContext.Current.CancellationToken);
    }

    /// <summary>Runs SQL as the database owner, whom row-level security does not bind: what the tests check against.</summary>
    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = new NpgsqlConnection(Factory.Database.OwnerConnectionString);
        return (await connection.QueryAsync<T>(new CommandDefinition(sql, parameters, cancellationToken: TestContext.Current.CancellationToken))).AsList();
    }

    /// <summary>The payloads of the outbox events of one type (by short name) for which <paramref name="where"/> holds.</summary>
    public async Task<IReadOnlyList<JsonElement>> EventsAsync(string type, Func<JsonElement, bool>? where = null)
    {
        var payloads = await QueryAsync<string>("SELECT payload::text FROM outbox_messages WHERE message_type LIKE @type ORDER BY id",
            new { type = $"Cro.Contracts.{type},%" });
        return [.. payloads.Select(p => JsonDocument.Parse(p).RootElement).Where(e => where is null || where(e))];
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }
}
