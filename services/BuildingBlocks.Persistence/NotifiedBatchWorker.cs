namespace Cro.BuildingBlocks.Persistence;

/// <summary>
/// The loop of a worker that drains a table of due rows (the outbox relay, the mail sender): it LISTENs
/// on the channel its writers <c>pg_notify</c> at commit, and looks anyway every
/// <see cref="Pacing.PollInterval"/>, which covers a lost notification, a reconnect and retries falling due.
/// Each round takes batches until one comes back short, then tidies up and waits. The subclass claims its
/// rows with FOR UPDATE SKIP LOCKED, so any number of replicas run side by side and never take the same
/// row. When the database goes away the rows are safe in it: the loop logs, pauses and starts over.
/// </summary>
public abstract class NotifiedBatchWorker(NpgsqlDataSource dataSource, NotifiedBatchWorker.Pacing pacing, ILogger logger,
    TimeProvider time) : BackgroundService
{
    /// <param name="Name">How the log names the worker ("Outbox relay").</param>
    /// <param name="NotifyChannel">The channel the writers notify at commit.</param>
    /// <param name="BatchSize">Rows one batch claims at most; a full batch means more may be waiting.</param>
    /// <param name="PollInterval">The longest wait without a notification.</param>
    /// <param name="ResumeDelay">The pause after the loop broke before it starts over.</param>
    public sealed record Pacing(string Name, string NotifyChannel, int BatchSize, TimeSpan PollInterval, TimeSpan ResumeDelay);

    protected NpgsqlDataSource DataSource { get; } = dataSource;
    protected ILogger Logger { get; } = logger;
    protected TimeProvider Time { get; } = time;

    /// <summary>Claims, processes and marks one batch of due rows in one transaction; returns how many rows it claimed.</summary>
    protected abstract Task<int> ProcessBatchAsync(CancellationToken ct);

    /// <summary>Runs once the due rows are drained, before the wait: deletes rows kept long enough.</summary>
    protected abstract Task CleanUpAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var listener = await DataSource.OpenConnectionAsync(stoppingToken);
                await listener.ExecuteAsync($"LISTEN {pacing.NotifyChannel}");
                while (!stoppingToken.IsCancellationRequested)
                {
                    while (await ProcessBatchAsync(stoppingToken) == pacing.BatchSize)
                    {
                    }
                    await CleanUpAsync(stoppingToken);
                    await listener.WaitAsync(pacing.PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database went away; the rows are safe in it. Try again shortly.
                Logger.LogWarning(e, "{Worker} interrupted; resuming shortly.", pacing.Name);
                try
                {
                    await Task.Delay(pacing.ResumeDelay, Time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
