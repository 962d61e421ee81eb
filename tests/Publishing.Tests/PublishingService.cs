using Cro.Publishing.Features.Conferences;
using Microsoft.Extensions.DependencyInjection;

namespace Cro.Publishing.Tests;

/// <summary>
/// The publishing service in-process (see <see cref="ServiceUnderTest{TProgram}"/>), with the steps the tests share:
/// JST arriving from recruitment's registry; the secret mailed links are derived with (shared with notifications); the
/// conference deadline job, which the tests run when they have moved the clock rather than wait for its tick.
/// </summary>
public sealed class PublishingService() : ServiceUnderTest<Program>("publishing")
{
    public const string LinkSecret = "test-conference-link-secret-0123456789";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["SchoolLinks:Secret"] = LinkSecret,
        ["Conferences:DeadlinePollInterval"] = "01:00:00",
    };

    /// <summary>The links and codes as the service (and notifications, for the mailed ones) derive them.</summary>
    public ConferenceLinks Links => Factory.Services.GetRequiredService<ConferenceLinks>();

    /// <summary>Runs the deadline job until nothing is due (as its ticks would).</summary>
    public async Task RunDeadlinesAsync()
    {
        var deadlines = Factory.Services.GetRequiredService<ConferenceDeadlines>();
        while (await deadlines.RunNextAsync(TestContext.Current.CancellationToken))
        {
        }
    }

    /// <summary>A JST of the registry, as recruitment announces it; waits until the service knows it.</summary>
    public async Task RegisterJstAsync(string terc, string name, string kind)
    {
        await PublishTwiceAsync(new JstRegistered { Terc = terc, Name = name, Kind = kind, VoivodeshipTerc = terc[..2], RegisteredAt = DateTimeOffset.UtcNow });
        await Eventually.GetAsync(() => QueryAsync<string>("SELECT terc FROM jst WHERE terc = @terc AND name = @name", new { terc, name }),
            rows => rows.Count == 1, what: $"JST {terc}");
    }
}
