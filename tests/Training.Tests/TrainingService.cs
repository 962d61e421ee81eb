using System.Security.Claims;
using System.Text.Json;
using Cro.ServiceDefaults.Security;
using Cro.Tests.Infrastructure;
using Dapper;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Cro.Training.Tests;

/// <summary>
/// The training service in-process on a fresh database and virtual host, accepting test tokens; started once
/// per test class. Material files are limited to <see cref="MaxFileBytes"/> so the limit is cheap to cross, and
/// consumer retries are quick, so a message that waits for another is retried within a test's patience.
/// </summary>
public sealed class TrainingService : IAsyncLifetime
{
    public const long MaxFileBytes = 100_000;

    private ServiceFactory<Program>? _factory;

    public ServiceFactory<Program> Factory => _factory ?? throw new InvalidOperationException("The service did not start.");

    /// <summary>The service's clock: real time until a test moves it forward.</summary>
    public TestClock Clock { get; } = new();

    /// <summary>A client without a token.</summary>
    public HttpClient Anonymous { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _factory = await ServiceFactory<Program>.StartAsync("training", new Dictionary<string, string?>
        {
            ["Training:Materials:MaxFileBytes"] = MaxFileBytes.ToString(),
            ["Messaging:Retry:MinInterval"] = "00:00:00.200",
            ["Messaging:Retry:MaxInterval"] = "00:00:01",
            ["Messaging:Retry:Limit"] = "10",
            ["Identity:Issuer"] = "https://cro.test/",
            // Attempts whose time ran out are finished within a second, as a test waits.
            ["Training:ExpiredAttempts:PollInterval"] = "00:00:01",
        }, services =>
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

    public HttpClient Operator() => ClientWith(Person(Guid.CreateVersion7(), $"{Guid.NewGuid():N}@ore.example.pl", ["operator"]));

    public HttpClient Trainer(string email, Guid? id = null) => ClientWith(Person(id ?? Guid.CreateVersion7(), email, ["trainer"]));

    /// <summary>A task-team member of <paramref name="jst"/> signed in with the address they were enrolled with.</summary>
    public HttpClient Member(string email, string jst) => ClientWith(Person(Guid.CreateVersion7(), email, ["jst-member"], jst));

    /// <summary>A person's token as identity issues it, with the address the training recognises people by.</summary>
    public static string Person(Guid id, string? email, IEnumerable<string> roles, string? jst = null)
    {
        List<Claim> claims = [new(CroClaims.Subject, id.ToString()), new(CroClaims.PrincipalType, CroClaims.Person), new(CroClaims.Name, "Osoba Testowa")];
        if (email is not null)
        {
            claims.Add(new Claim(CroClaims.Email, email));
        }
        claims.AddRange(roles.Select(role => new Claim(CroClaims.Role, role)));
        if (jst is not null)
        {
            claims.Add(new Claim(CroClaims.Jst, jst));
        }
        return TestTokens.Create(claims);
    }

    public IBus Bus => Factory.Services.GetRequiredService<IBus>();

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
    }
}
