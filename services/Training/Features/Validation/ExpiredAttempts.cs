using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Cro.Training.Features.Validation;

/// <summary>How often the service looks for attempts whose time ran out, and how many it finishes in one transaction.</summary>
public sealed class ExpiredAttemptsOptions
{
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);
    public int BatchSize { get; set; } = 50;
}

/// <summary>
/// Finishes attempts whose time limit ran out without their participant coming back, so results, completion and
/// the indicators fed by <c>CompetenceValidated</c> are right when the test closes, not whenever the person returns.
/// It goes through <see cref="AttemptFinisher"/>, the path a participant's own finish takes, so the score, the
/// finish time (the closing time) and the events are the same. Attempts are claimed with FOR UPDATE SKIP LOCKED:
/// any number of replicas run it side by side, each attempt is finished once, and a participant's own finish,
/// which locks the attempt too, either waits and finds it finished or finishes it first and leaves nothing here.
/// </summary>
public sealed class ExpiredAttempts(NpgsqlDataSource db, IPostTestObserver observer, IOptions<ExpiredAttemptsOptions> options, TimeProvider time,
    ILogger<ExpiredAttempts> logger) : BackgroundService
{
    /// <summary>Finishes at most <paramref name="batchSize"/> attempts that closed before <paramref name="now"/>, in one transaction; returns how many.</summary>
    public static async Task<int> FinishDueAsync(NpgsqlDataSource db, IPostTestObserver observer, DateTimeOffset now, int batchSize, CancellationToken ct)
    {
        // Every participant's attempts, as the service itself and not any caller.
        await using var session = await DataSession.OpenAsync(db, JstScope.All, ct);
        var due = (await session.QueryAsync<AttemptRow>(AttemptRow.Select + """
             WHERE finished_at IS NULL AND closes_at < @now
            ORDER BY closes_at, id LIMIT @batchSize
            FOR UPDATE SKIP LOCKED
            """, new { now = now.ToUniversalTime(), batchSize })).AsList();
        foreach (var attempt in due)
        {
            await AttemptFinisher.FinishAsync(session, attempt, now, observer);
        }
        await session.CommitAsync();
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
                int finished;
                do
                {
                    finished = await FinishDueAsync(db, observer, time.GetUtcNow(), pace.BatchSize, stoppingToken);
                    if (finished > 0)
                    {
                        ExpiredAttemptsMetrics.Finished.Add(finished);
                        logger.LogInformation("Finished {Count} test attempts whose time ran out.", finished);
                    }
                }
                while (finished == pace.BatchSize);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The attempts stay due in the database; the next tick tries again.
                logger.LogWarning(e, "Finishing expired test attempts failed; trying again at the next tick.");
            }
        }
        while (await timer.NextTickAsync(stoppingToken));
    }
}
