namespace Cro.ServiceDefaults;

/// <summary>The wait between two runs of a service's periodic job (a deadline check, a clean-up).</summary>
public static class PeriodicTimers
{
    /// <summary>Waits for the timer's next tick; false when the service is stopping (the job's loop ends quietly).</summary>
    public static async Task<bool> NextTickAsync(this PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
