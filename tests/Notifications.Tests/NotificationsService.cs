using Cro.Notifications.Features.Delivery;
using Cro.Tests.Infrastructure;
using Dapper;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Cro.Notifications.Tests;

/// <summary>
/// The notifications worker in-process on a fresh database and virtual host, sending to the given
/// SMTP port, with retries paced for a test rather than for a real mail server. Its API takes
/// <see cref="TestTokens"/>.
/// </summary>
public sealed class NotificationsService : IAsyncDisposable
{
    private readonly ServiceFactory<Program> _factory;

    private NotificationsService(ServiceFactory<Program> factory) => _factory = factory;

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
        return new NotificationsService(await ServiceFactory<Program>.StartAsync("notifications", all,
            services => services.AcceptTestTokens()));
    }

    public IServiceProvider Services => _factory.Services;

    public IBus Bus => _factory.Services.GetRequiredService<IBus>();

    public MailSender Sender => _factory.Services.GetRequiredService<MailSender>();

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

    public async Task ExecuteAsync(string sql, object? parameters = null)
    {
        await using var connection = await _factory.Services.GetRequiredService<NpgsqlDataSource>()
            .OpenConnectionAsync(TestContext.Current.CancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: TestContext.Current.CancellationToken));
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();
}
