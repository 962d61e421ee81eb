using Cro.Notifications.Features.AdvisoryMeetings;
using Cro.Notifications.Features.Delivery;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Cro.Notifications.Tests;

/// <summary>
/// The notifications worker in-process on a fresh database and virtual host, sending to the given
/// SMTP port, with retries paced for a test rather than for a real mail server, and a clock the test moves
/// (<see cref="Clock"/>). Its API takes <see cref="TestTokens"/>.
/// </summary>
public sealed class NotificationsService : IAsyncDisposable
{
    private ServiceFactory<Program> _factory;

    private NotificationsService(ServiceFactory<Program> factory, TestClock clock) => (_factory, Clock) = (factory, clock);

    /// <summary>The service's clock: real time until a test moves it forward.</summary>
    public TestClock Clock { get; }

    public sealed record StoredMail(Guid Id, Guid MessageId, Guid? UserId, string Kind, string Recipient, string Subject,
        string Html, string Text, string Status, int Attempts, string? LastError, DateTime? SentAt);

    public static async Task<NotificationsService> StartAsync(int smtpPort, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["ConnectionStrings:smtp"] = $"smtp://127.0.0.1:{smtpPort}",
            ["Mail:PollInterval"] = "00:00:00.200",
            ["Mail:FirstRetryDelay"] = "00:00:00.200",
            ["Mail:MaxRetryDelay"] = "00:00:01",
            ["Mail:SmtpTimeout"] = "00:00:05",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }
        var clock = new TestClock();
        return new NotificationsService(await ServiceFactory<Program>.StartAsync("notifications", all, services =>
        {
            services.AcceptTestTokens();
            services.AddSingleton<TimeProvider>(clock);
        }), clock);
    }

    public IServiceProvider Services => _factory.Services;

    /// <summary>Stops the service and starts it again on the same database and broker (see <see cref="ServiceFactory{TProgram}.RestartAsync"/>).</summary>
    public async Task RestartAsync() => _factory = await _factory.RestartAsync();

    public IBus Bus => _factory.Services.GetRequiredService<IBus>();

    public MailSender Sender => _factory.Services.GetRequiredService<MailSender>();

    public ReminderSender Reminders => _factory.Services.GetRequiredService<ReminderSender>();

    public NpgsqlDataSource Database => _factory.Services.GetRequiredService<NpgsqlDataSource>();

    /// <summary>Publishes <paramref name="message"/> twice with one message id, as the broker hands a message over again after a crash before its ack.</summary>
    public async Task PublishTwiceAsync<T>(T message) where T : class
    {
        var id = Guid.CreateVersion7();
        await Bus.Publish(message, context => context.MessageId = id, TestContext.Current.CancellationToken);
        await Bus.Publish(message, context => context.MessageId = id, TestContext.Current.CancellationToken);
    }

    /// <summary>Moves the service's clock to <paramref name="instant"/> (forward only).</summary>
    public void MoveClockTo(DateTimeOffset instant) => Clock.Advance(instant - Clock.GetUtcNow());

    public HttpClient CreateClient() => _factory.CreateClient();

    /// <summary>A client that sends <paramref name="token"/> (see <see cref="TestTokens"/>) with every request.</summary>
    public HttpClient CreateClient(string token)
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = TestTokens.Bearer(token);
        return client;
    }

    public Task<IReadOnlyList<StoredMail>> StoredMailAsync(Guid userId) => StoredMailWhereAsync("user_id = @userId", new { userId });

    /// <summary>The mail stored for an address, whether or not it has a person id.</summary>
    public Task<IReadOnlyList<StoredMail>> StoredMailToAsync(string recipient) =>
        StoredMailWhereAsync("recipient = @recipient", new { recipient });

    private async Task<IReadOnlyList<StoredMail>> StoredMailWhereAsync(string condition, object parameters)
    {
        await using var connection = await _factory.Services.GetRequiredService<NpgsqlDataSource>()
            .OpenConnectionAsync(TestContext.Current.CancellationToken);
        return (await connection.QueryAsync<StoredMail>(new CommandDefinition($"""
            SELECT id, message_id, user_id, kind, recipient, subject, html, text, status, attempts, last_error, sent_at
            FROM outgoing_mail WHERE {condition} ORDER BY id
            """, parameters, cancellationToken: TestContext.Current.CancellationToken))).AsList();
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        return (await connection.QueryAsync<T>(new CommandDefinition(sql, parameters, cancellationToken: TestContext.Current.CancellationToken))).AsList();
    }

    /// <summary>Runs SQL as the database's owner (who may change the schema, e.g. put a failing trigger on a table).</summary>
    public async Task ExecuteAsOwnerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_factory.Database.OwnerConnectionString);
        await connection.ExecuteAsync(new CommandDefinition(sql, cancellationToken: TestContext.Current.CancellationToken));
    }

    public async Task ExecuteAsync(string sql, object? parameters = null)
    {
        await using var connection = await _factory.Services.GetRequiredService<NpgsqlDataSource>()
            .OpenConnectionAsync(TestContext.Current.CancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: TestContext.Current.CancellationToken));
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();
}
