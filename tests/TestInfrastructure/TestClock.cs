namespace Cro.Tests.Infrastructure;

/// <summary>
/// The service's clock in tests: the real time plus an offset a test moves forward (past a session's end, past a
/// test's time limit). Unlike FakeTimeProvider it keeps running, so the outbox relay's waits, retries and every
/// other timer of the host behave as in production; only "now" jumps.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
