using Microsoft.Extensions.Options;

namespace Cro.Monitoring.Features.Reports;

/// <summary>How often monitoring looks for overdue reports, how long between the coordinator's reminders, and how many
/// reports one transaction takes (Monitoring:Reports:Deadlines).</summary>
public sealed class ReportDeadlineOptions
{
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(15);
    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromDays(7);
    public int BatchSize { get; set; } = 50;
}

/// <summary>
/// Finds reports not submitted by their due moment. A report found so for the first time becomes overdue: announced once
/// as ReportOverdue, and its JST's coordinator is mailed (ReportReminderMailRequested, which notifications turns into the
/// mail); while it stays unsubmitted the coordinator is mailed again a reminder interval (a week) after the previous mail,
/// never sooner, and after a pause (the service down for weeks) once, not once per week missed. Reports are claimed with
/// FOR UPDATE SKIP LOCKED, so any number of replicas run it side by side and each report's event and mail are written once;
/// a team submitting at that moment waits for the row, or takes it first and leaves nothing to do here.
/// </summary>
public sealed class ReportDeadlines(NpgsqlDataSource db, IOptions<ReportDeadlineOptions> options, IConfiguration configuration, TimeProvider time,
    ILogger<ReportDeadlines> logger) : BackgroundService
{
    private sealed record Due(Guid Id, Guid PlanId, string JstTerc, string? JstName, int Number, string Phase, DateOnly StartsOn, DateOnly EndsOn,
        DateOnly DueOn, DateTimeOffset DueAt, DateTimeOffset? OverdueAt, int RemindersSent);

    /// <summary>Handles at most a batch of reports due for the overdue mark or a reminder at <paramref name="now"/>, in one transaction; returns how many.</summary>
    public async Task<int> CheckAsync(DateTimeOffset now, CancellationToken ct)
    {
        var pace = options.Value;
        // Every JST's reports, as the service itself and not any caller.
        await using var session = await DataSession.OpenAsync(db, JstScope.All, ct);
        var due = (await session.QueryAsync<Due>("""
            SELECT r.id, r.plan_id, r.jst_terc, j.name AS jst_name, r.number, r.phase, r.starts_on, r.ends_on, r.due_on, r.due_at, r.overdue_at, r.reminders_sent
            FROM reports r LEFT JOIN jst j ON j.terc = r.jst_terc
            WHERE r.first_submitted_at IS NULL AND r.due_at <= @now AND (r.last_reminded_at IS NULL OR r.last_reminded_at <= @lastBefore)
            ORDER BY r.due_at, r.id
            LIMIT @batch
            FOR UPDATE OF r SKIP LOCKED
            """, new { now = now.ToUniversalTime(), lastBefore = (now - pace.ReminderInterval).ToUniversalTime(), batch = pace.BatchSize })).ToList();
        var platform = PublicAddress.Of(configuration);
        var today = ReportingSchedule.WarsawDay(now);
        foreach (var report in due)
        {
            if (report.OverdueAt is null)
            {
                await session.EnqueueAsync(new ReportOverdue
                {
                    ReportId = report.Id, PlanId = report.PlanId, JstTerc = report.JstTerc, JstName = report.JstName, Period = report.Number,
                    Phase = report.Phase, PeriodStart = report.StartsOn, PeriodEnd = report.EndsOn, DueOn = report.DueOn, DueAt = report.DueAt, OverdueAt = now,
                });
            }
            await session.EnqueueAsync(new ReportReminderMailRequested
            {
                ReportId = report.Id, PlanId = report.PlanId, JstTerc = report.JstTerc, JstName = report.JstName, Period = report.Number, Phase = report.Phase,
                PeriodStart = report.StartsOn, PeriodEnd = report.EndsOn, DueOn = report.DueOn, DaysOverdue = today.DayNumber - report.DueOn.DayNumber,
                Reminder = report.RemindersSent + 1, PlatformUrl = platform, RequestedAt = now,
            });
        }
        await session.ExecuteAsync("""
            UPDATE reports SET overdue_at = coalesce(overdue_at, @now), reminders_sent = reminders_sent + 1, last_reminded_at = @now WHERE id = ANY (@ids)
            """, new { now = now.ToUniversalTime(), ids = due.Select(r => r.Id).ToArray() });
        await session.CommitAsync();
        if (due.Count > 0)
        {
            ReportMetrics.Reminders.Add(due.Count);
            ReportMetrics.Overdue.Add(due.Count(r => r.OverdueAt is null));
        }
        return due.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pace = options.Value;
        using var timer = new PeriodicTimer(pace.PollInterval, time);
        do
        {
            try
            {
                int handled;
                do
                {
                    handled = await CheckAsync(time.GetUtcNow(), stoppingToken);
                    if (handled > 0)
                    {
                        logger.LogInformation("Marked overdue or reminded about {Count} implementation reports.", handled);
                    }
                }
                while (handled == pace.BatchSize);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The reports stay due in the database; the next tick tries again.
                logger.LogWarning(e, "Checking implementation reports' deadlines failed; trying again at the next tick.");
            }
        }
        while (await timer.NextTickAsync(stoppingToken));
    }
}
