using Microsoft.Extensions.Options;

namespace Cro.Monitoring.Features.Plans.Consultation;

/// <summary>
/// Closes the consultations whose last day has ended (in Warsaw), one transaction each, as the team's closing does
/// (<see cref="CloseConsultation.CloseAsync"/>): the version becomes revised, so the team can change and adopt it. Until
/// then the links already answer 410 past the last day (they read the clock, not this job). Several replicas may run it:
/// a consultation locked by one is skipped by the others, and one the team is closing meanwhile is found closed.
/// </summary>
public sealed class ConsultationTermEnd(NpgsqlDataSource db, TimeProvider time, IOptions<ConsultationOptions> options, ILogger<ConsultationTermEnd> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.TermEndPollInterval, time);
        try
        {
            do
            {
                try
                {
                    while (await CloseNextAsync(stoppingToken))
                    {
                    }
                }
                catch (Exception e) when (e is NpgsqlException or TimeoutException)
                {
                    log.LogWarning(e, "Closing consultations whose term is over failed; trying again later.");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Closes one consultation whose last day is over; false when there is none left.</summary>
    public async Task<bool> CloseNextAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var session = await DataSession.OpenAsync(db, JstScope.All, ct);
        var due = await session.QuerySingleOrDefaultAsync<ConsultationRow>(ConsultationRow.Select + """
             WHERE c.closed_at IS NULL AND c.closes_on < @today ORDER BY c.closes_on, c.id LIMIT 1 FOR UPDATE OF c SKIP LOCKED
            """, new { today = DateOnly.FromDateTime(WarsawTime.InWarsaw(now).DateTime) });
        if (due is null)
        {
            return false;
        }
        await CloseConsultation.CloseAsync(session, due, CloseConsultation.ByTerm, by: null, now);
        await session.CommitAsync();
        log.LogInformation("Closed the consultation {Consultation} of JST {Jst}: its last day {ClosesOn} is over.", due.Id, due.JstTerc, due.ClosesOn);
        return true;
    }
}
