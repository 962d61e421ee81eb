namespace Cro.Publishing.Tests;

/// <summary>
/// The publishing service in-process (see <see cref="ServiceUnderTest{TProgram}"/>), with the steps the tests share:
/// JST arriving from recruitment's registry.
/// </summary>
public sealed class PublishingService() : ServiceUnderTest<Program>("publishing")
{
    /// <summary>A JST of the registry, as recruitment announces it; waits until the service knows it.</summary>
    public async Task RegisterJstAsync(string terc, string name, string kind)
    {
        await PublishTwiceAsync(new JstRegistered { Terc = terc, Name = name, Kind = kind, VoivodeshipTerc = terc[..2], RegisteredAt = DateTimeOffset.UtcNow });
        await Eventually.GetAsync(() => QueryAsync<string>("SELECT terc FROM jst WHERE terc = @terc AND name = @name", new { terc, name }),
            rows => rows.Count == 1, what: $"JST {terc}");
    }
}
