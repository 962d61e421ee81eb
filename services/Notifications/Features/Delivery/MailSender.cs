using Dapper;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Cro.Notifications.Features.Delivery;

/// <summary>
/// Sends queued mail over SMTP in the loop of <see cref="NotifiedBatchWorker"/>, as OutboxRelay publishes
/// events: woken by LISTEN/NOTIFY with a polling fallback, rows claimed with FOR UPDATE SKIP LOCKED so
/// replicas send side by side and never the same row. A row is marked sent only after the SMTP server
/// accepted it; a failed attempt is retried with back-off, and after <see cref="MailOptions.MaxAttempts"/>
/// the row is marked failed for an operator.
/// A crash between the server's acceptance and the commit of the mark sends the mail again, with the
/// same Message-Id, so the copy is recognisable. Every attempt is told to the <see cref="IMailOutcomeObserver"/>s in the
/// transaction that records it.
/// </summary>
public sealed class MailSender(NpgsqlDataSource dataSource, SmtpEndpoint smtp, IOptions<MailOptions> options,
    IEnumerable<IMailOutcomeObserver> observers, ILogger<MailSender> logger, TimeProvider time)
    : NotifiedBatchWorker(dataSource, Pace(options.Value), logger, time)
{
    private readonly MailOptions _options = options.Value;

    private sealed record Row(Guid Id, Guid MessageId, string Kind, string Recipient, string Subject, string Html, string Text, string? Calendar,
        int Attempts);

    private sealed record Failure(string Error, bool Permanent);

    private static Pacing Pace(MailOptions options) =>
        new("Mail sender", OutgoingMail.NotifyChannel, options.BatchSize, options.PollInterval, options.FirstRetryDelay);

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Logger.LogInformation("Mail goes to {Smtp}.", smtp);
        return base.ExecuteAsync(stoppingToken);
    }

    protected override Task<int> ProcessBatchAsync(CancellationToken ct) => SendBatchAsync(ct);

    /// <summary>Sends one batch of due rows over one SMTP connection; returns how many rows it claimed.</summary>
    public async Task<int> SendBatchAsync(CancellationToken ct)
    {
        await using var connection = await DataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition("""
            SELECT id, message_id, kind, recipient, subject, html, text, calendar, attempts
            FROM outgoing_mail
            WHERE status = 'pending' AND next_attempt_at <= now()
            ORDER BY next_attempt_at, id
            LIMIT @batch
            FOR UPDATE SKIP LOCKED
            """, new { batch = _options.BatchSize }, transaction, cancellationToken: ct))).AsList();
        if (rows.Count == 0)
        {
            return 0;
        }

        using var client = new SmtpClient { Timeout = (int)_options.SmtpTimeout.TotalMilliseconds };
        Failure? unreachable = null;
        var failures = new List<Failure>();
        foreach (var row in rows)
        {
            Failure? failure;
            try
            {
                ct.ThrowIfCancellationRequested();
                failure = unreachable ?? await SendAsync(client, row, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Shutting down: the rest stay pending, and what was sent is still marked below.
                break;
            }
            if (failure is { Permanent: false } && !Ready(client))
            {
                // The server is away or refuses us: the rest of the batch waits for the next round without trying.
                unreachable = failure;
            }
            if (failure is not null)
            {
                failures.Add(failure);
            }
            await RecordAsync(transaction, row, failure);
        }
        await DisconnectAsync(client);
        await transaction.CommitAsync(CancellationToken.None);

        if (failures.Count > 0)
        {
            Logger.LogWarning("Mail sender: {Failed} of {Total} mails not accepted by the SMTP server; will retry ({Error}).",
                failures.Count, rows.Count, failures[0].Error);
        }
        return rows.Count;
    }

    /// <returns>null when the SMTP server accepted the mail, else why it did not.</returns>
    private async Task<Failure?> SendAsync(SmtpClient client, Row row, CancellationToken ct)
    {
        MimeMessage message;
        try
        {
            message = Compose(row);
        }
        catch (ParseException e)
        {
            // A malformed address will not get better by retrying.
            return new Failure($"Not an e-mail address: {e.Message}", Permanent: true);
        }
        try
        {
            if (!client.IsConnected)
            {
                await client.ConnectAsync(smtp.Host, smtp.Port, smtp.Security, ct);
            }
            if (smtp.Credentials is { } credentials && !client.IsAuthenticated)
            {
                await client.AuthenticateAsync(credentials, ct);
            }
            await client.SendAsync(message, ct);
            return null;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            return new Failure(e.GetBaseException().Message, Permanent: false);
        }
    }

    private bool Ready(SmtpClient client) => client.IsConnected && (smtp.Credentials is null || client.IsAuthenticated);

    private static string CalendarMethod(string calendar) =>
        calendar.Split('\n').Select(line => line.Trim()).FirstOrDefault(line => line.StartsWith("METHOD:", StringComparison.Ordinal))?["METHOD:".Length..]
        ?? "PUBLISH";

    private MimeMessage Compose(Row row)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(_options.From));
        message.To.Add(MailboxAddress.Parse(row.Recipient));
        message.Subject = row.Subject;
        message.Date = Time.GetUtcNow();
        message.MessageId = MessageIdOf(row.Id);
        // RFC 3834: out-of-office replies and other robots leave it alone.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        var body = new BodyBuilder { HtmlBody = row.Html, TextBody = row.Text };
        if (row.Calendar is { } calendar)
        {
            // text/calendar with the iTIP method as its parameter: mail clients then offer to apply it to the event.
            var type = new ContentType("text", "calendar") { Charset = "utf-8" };
            type.Parameters.Add("method", CalendarMethod(calendar));
            body.Attachments.Add("kalendarz.ics", System.Text.Encoding.UTF8.GetBytes(calendar), type);
        }
        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>The Message-Id a mail row is sent with, every time it is sent: <c>{row id}@{sender's domain}</c>.</summary>
    public string MessageIdOf(Guid mailId) => $"{mailId:N}@{MailboxAddress.Parse(_options.From).Domain}";

    private async Task RecordAsync(NpgsqlTransaction transaction, Row row, Failure? failure)
    {
        var attempts = row.Attempts + 1;
        // The batch's own cancellation no longer applies: what the server accepted must be marked.
        var ct = CancellationToken.None;
        string outcome;
        if (failure is null)
        {
            await transaction.Connection!.ExecuteAsync(new CommandDefinition("""
                UPDATE outgoing_mail SET status = 'sent', sent_at = now(), attempts = @attempts, last_error = NULL
                WHERE id = @id
                """, new { row.Id, attempts }, transaction, cancellationToken: ct));
            MailMetrics.Sent.Add(1);
            outcome = MailOutcome.Sent;
        }
        else if (failure.Permanent || attempts >= _options.MaxAttempts)
        {
            await transaction.Connection!.ExecuteAsync(new CommandDefinition("""
                UPDATE outgoing_mail SET status = 'failed', attempts = @attempts, last_error = @error
                WHERE id = @id
                """, new { row.Id, attempts, error = failure.Error }, transaction, cancellationToken: ct));
            MailMetrics.Failed.Add(1);
            Logger.LogError("Mail {MailId} given up after {Attempts} attempts; it stays in outgoing_mail as failed: {Error}",
                row.Id, attempts, failure.Error);
            outcome = MailOutcome.Failed;
        }
        else
        {
            await transaction.Connection!.ExecuteAsync(new CommandDefinition("""
                UPDATE outgoing_mail SET attempts = @attempts, last_error = @error, next_attempt_at = now() + @delay
                WHERE id = @id
                """, new { row.Id, attempts, error = failure.Error, delay = _options.RetryDelay(row.Attempts) },
                transaction, cancellationToken: ct));
            MailMetrics.Deferred.Add(1);
            outcome = MailOutcome.Deferred;
        }
        foreach (var observer in observers)
        {
            await observer.MailAttemptedAsync(transaction, new MailAttempt(row.Id, row.MessageId, row.Kind, outcome, failure?.Error));
        }
    }

    private async Task DisconnectAsync(SmtpClient client)
    {
        if (!client.IsConnected)
        {
            return;
        }
        try
        {
            await client.DisconnectAsync(quit: true, CancellationToken.None);
        }
        catch (Exception e)
        {
            // The mail is already accepted; a failed QUIT changes nothing.
            Logger.LogDebug(e, "SMTP QUIT failed.");
        }
    }

    /// <summary>Deletes sent mail kept longer than <see cref="MailOptions.Retention"/>.</summary>
    protected override async Task CleanUpAsync(CancellationToken ct)
    {
        await using var connection = await DataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM outgoing_mail WHERE status = 'sent' AND sent_at < now() - @retention",
            new { retention = _options.Retention }, cancellationToken: ct));
    }
}
