namespace Cro.Monitoring.Tests;

/// <summary>The monitoring's OpenAPI document, read as a partner reads it and held against the service's real answers.</summary>
public sealed class OpenApiDocumentTests(MonitoringService service) : OpenApiDocumentFacts("monitoring"), IClassFixture<MonitoringService>
{
    protected override HttpClient Anonymous => service.Client;

    [Fact]
    public async Task Answers_to_a_partner_an_operator_and_anyone_are_as_documented()
    {
        var document = await DocumentAsync();
        var roundId = Guid.CreateVersion7();
        await service.PublishTwiceAsync(new ApplicationSubmitted
        {
            ApplicationId = Guid.CreateVersion7(), RoundId = roundId, RoundName = "Nabór testowy", JstTerc = "0201032", JstName = "Gromadka",
            JstKind = "rural-municipality", VoivodeshipTerc = "02", AtRiskOfMarginalisation = false, Score = 10, ScoringVersion = 1,
            SubmittedAt = DateTimeOffset.UtcNow,
            Team = [new TaskTeamMember { MemberId = Guid.CreateVersion7(), FullName = "Osoba Testowa", Email = "osoba@example.test", Position = "specjalista", Sex = "woman", IsCoordinator = true }],
        });
        var round = $"/api/monitoring/recruitment?roundId={roundId}";
        await Eventually.GetAsync(async () => (await service.Partner().GetAsync(round, Ct)).StatusCode, status => (int)status == 200, what: "the round counted");
        string[] known = [round, $"/api/monitoring/indicators?roundId={roundId}", $"/api/monitoring/recruitment?roundId={Guid.CreateVersion7()}"];

        var byPartner = await document.AssertAnswersAsync(service.Partner(), [.. document.PathsWithoutParameters(), .. known], Ct);
        var @operator = service.ClientWith(TestTokens.Person(Guid.CreateVersion7(), ["operator"]));
        await document.AssertAnswersAsync(@operator, [.. document.PathsWithoutParameters(), .. known], Ct);
        await document.AssertAnswersAsync(service.Client, [.. document.PathsWithoutParameters(), .. known], Ct);

        Assert.Equal(200, byPartner[round]);
        Assert.Equal(200, byPartner["/api/monitoring/jst-summary"]);
    }
}
