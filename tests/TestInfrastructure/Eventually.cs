namespace Cro.Tests.Infrastructure;

/// <summary>Waits for something asynchronous (a message, a projection) to become true.</summary>
public static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? within = null, string? what = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Gave up waiting{(what is null ? "" : " for " + what)}; last value: {value}.");
            }
            await Task.Delay(100);
        }
    }
}
