namespace Cro.Evaluation.Features.Surveys;

/// <summary>
/// Reminds the people who have not answered, on the days survey_settings.reminder_after_days says (at most two), looked for
/// every minute: a batch of due invitations at a time, locked with SKIP LOCKED so replicas take different ones. An answered
/// or closed survey is not reminded of; the mail goes through the outbox with the invitation's change. Each tick also seals the
/// answers waiting in the ballot box (<see cref="SurveyBallotBox"/>).
/// </summary>
public sealed class SurveyReminders(NpgsqlDataSource db, SurveyIssuing issuing, TimeProvider time, ILogger<SurveyReminders> log) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    /// <summary>Reminds one batch of due invitations; how many.</summary>
    public async Task<int> RunNextAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var session = await DataSession.OpenAsync(db, JstScope.All, ct);
        var settings = await SurveySettings.ReadAsync(session);
        var due = (await session.QueryAsync<(Guid Id, string Email, string FullName, string Occasion, string Title, string Subject,
            DateTimeOffset IssuedAt, DateTimeOffset ClosesAt, int RemindersSent)>("""
            SELECT i.id, i.email, i.full_name, t.occasion, t.title, i.subject, i.issued_at, i.closes_at, i.reminders_sent
            FROM survey_invitations i JOIN survey_templates t ON t.id = i.template_id
            WHERE NOT i.answered AND i.next_reminder_at <= @now
            ORDER BY i.next_reminder_at LIMIT 100
            FOR UPDATE OF i SKIP LOCKED
            """, new { now = now.ToUniversalTime() })).ToList();
        var sent = 0;
        foreach (var invitation in due)
        {
            var number = invitation.RemindersSent + 1;
            var next = number < settings.ReminderAfterDays.Length ? invitation.IssuedAt.AddDays(settings.ReminderAfterDays[number]) : (DateTimeOffset?)null;
            var remind = invitation.ClosesAt > now && number <= 2 && !invitation.Email.EndsWith("@invalid", StringComparison.Ordinal);
            await session.ExecuteAsync(
                "UPDATE survey_invitations SET reminders_sent = reminders_sent + @add, next_reminder_at = @next WHERE id = @Id",
                new
                {
                    invitation.Id, add = remind ? 1 : 0,
                    next = remind && next is { } at && at < invitation.ClosesAt && number < 2 ? at.ToUniversalTime() : (DateTimeOffset?)null,
                });
            if (remind)
            {
                await session.EnqueueAsync(issuing.Mail(invitation.Id, invitation.Email, invitation.FullName, invitation.Occasion, invitation.Title,
                    invitation.Subject, invitation.ClosesAt, SurveyMailKinds.Reminder, number, now));
                sent++;
            }
        }
        await session.CommitAsync();
        if (sent > 0)
        {
            log.LogInformation("Survey reminders: {Sent} mailed.", sent);
        }
        return due.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                while (await RunNextAsync(stoppingToken) > 0)
                {
                }
                await SurveyBallotBox.SealAsync(db, time.GetUtcNow(), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // What is due stays due in the database; the next tick tries again.
                log.LogWarning(e, "Survey reminders failed; trying again at the next tick.");
            }
        }
        while (await timer.NextTickAsync(stoppingToken));
    }
}
