using System.Net;
using Cro.Monitoring.Features.Practices;

namespace Cro.Monitoring.Tests;

/// <summary>
/// Monitoring counts the good practices publishing's catalogue holds, per JST and topic, from its events: a practice counts
/// once however often its event comes, stops counting when withdrawn and counts again (with its new topics) when published
/// again; an event older than one applied changes nothing. ORE and partners with monitoring.read read the counts.
/// </summary>
public sealed class PracticesSummaryTests(MonitoringService service) : IClassFixture<MonitoringService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static GoodPracticePublished Published(Guid id, string terc, string kind, string[] topics, DateTimeOffset at) => new()
    {
        PracticeId = id, JstTerc = terc, JstName = terc, JstKind = kind, VoivodeshipTerc = terc[..2], Title = "Praktyka", Version = 1, Topics = topics,
        TotalCost = 1000, Authors = [], PracticeUrl = new Uri($"https://cro.example.pl/dobre-praktyki/{id}"), PublishedAt = at,
    };

    private static GoodPracticeUnpublished Unpublished(Guid id, string terc, DateTimeOffset at) => new()
    {
        PracticeId = id, JstTerc = terc, JstName = terc, Title = "Praktyka", Reason = "Nieaktualna.", Authors = [],
        PlatformUrl = new Uri("https://cro.example.pl/"), UnpublishedAt = at,
    };

    [Fact]
    public async Task Published_practices_are_counted_per_JST_and_topic_once_and_withdrawn_ones_stop_counting()
    {
        var partner = service.ClientWith(TestTokens.Client("partner-monitoring", "monitoring.read"));
        await service.PublishTwiceAsync(new JstRegistered { Terc = "3001011", Name = "Chodzież", Kind = "urban-municipality", VoivodeshipTerc = "30",
            RegisteredAt = DateTimeOffset.UtcNow });
        var (a, b, c, d) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        var t0 = DateTimeOffset.UtcNow.AddHours(-5);

        await service.PublishTwiceAsync(Published(a, "3001011", "urban-municipality", ["infrastructure", "m1-diagnosis"], t0));
        await service.PublishTwiceAsync(Published(b, "3001011", "urban-municipality", ["infrastructure"], t0.AddMinutes(1)));
        await service.PublishTwiceAsync(Published(c, "3002", "county", ["exclusion"], t0.AddMinutes(2)));
        // d: withdrawn before its publication's event arrives (an older event that must not bring it back).
        await service.PublishTwiceAsync(Unpublished(d, "3002", t0.AddHours(2)));
        await service.PublishTwiceAsync(Published(d, "3002", "county", ["teaching"], t0.AddHours(1)));
        // c: withdrawn, then published again with other topics.
        await service.PublishTwiceAsync(Unpublished(c, "3002", t0.AddHours(3)));
        await service.PublishTwiceAsync(Published(c, "3002", "county", ["exclusion", "competences"], t0.AddHours(4)));

        var summary = await MonitoringService.SettledAsync<GetPracticesSummary.Summary>(partner, "/api/monitoring/practices-summary",
            s => s.Practices == 3 && s.ByJst.Any(j => j.JstTerc == "3002" && j.Topics.Count == 2), "the practices counted", Ct);

        Assert.Equal((3, 2), (summary.Practices, summary.Jst));
        Assert.Equal([("infrastructure", 2), ("competences", 1), ("exclusion", 1), ("m1-diagnosis", 1)], summary.ByTopic.Select(t => (t.Topic, t.Practices)));
        Assert.Equal([("county", 1, 1), ("urban-municipality", 2, 1)], summary.ByJstKind.Select(k => (k.JstKind, k.Practices, k.Jst)));
        var chodziez = summary.ByJst.Single(j => j.JstTerc == "3001011");
        Assert.Equal(("Chodzież", 2), (chodziez.JstName, chodziez.Practices));
        Assert.Equal([("infrastructure", 2), ("m1-diagnosis", 1)], chodziez.Topics.Select(t => (t.Topic, t.Practices)));

        Assert.Equal(HttpStatusCode.Forbidden, (await service.Partner().GetAsync("/api/monitoring/practices-summary", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await service.Operator().GetAsync("/api/monitoring/practices-summary", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await service.Client.GetAsync("/api/monitoring/practices-summary", Ct)).StatusCode);
    }
}
