using Microsoft.Extensions.Options;
using Npgsql;

namespace Cro.Advisory.Features.Engagements;

public sealed class EngagementTermEndOptions
{
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>
/// Ends the engagements whose end date has come (in Warsaw), one transaction each, announcing each: the advisor stops
/// seeing the JST, and booked meetings past the term are cancelled. Several replicas may run it: a row locked by one
/// is skipped by the others.
/// </summary>
public sealed class EngagementTermEnd(NpgsqlDataSource db, IEngagementObserver observer, TimeProvider time, IOptions<EngagementTermEndOptions> options,
    ILogger<EngagementTermEnd> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, time);
        do
        {
            try
            {
                while (await EndNextAsync(stoppingToken))
                {
                }
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                log.LogWarning(e, "Ending engagements whose term is over failed; trying again later.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Ends one engagement whose term is over; false when there is none left.</summary>
    public async Task<bool> EndNextAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var session = await DataSession.OpenAsync(db, JstScope.All, ct);
        var due = await session.QuerySingleOrDefaultAsync<Guid?>("""
            SELECT id FROM engagements WHERE ended_at IS NULL AND ends_on <= @today ORDER BY ends_on, id LIMIT 1 FOR UPDATE SKIP LOCKED
            """, new { today = DateOnly.FromDateTime(WarsawTime.InWarsaw(now).DateTime) });
        if (due is not { } id)
        {
            return false;
        }
        await EndEngagement.EndAsync(session, observer, id, EngagementEnd.Term, reason: null, now, endedBy: null);
        await session.CommitAsync();
        return true;
    }
}
