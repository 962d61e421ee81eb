namespace Cro.Recruitment.Tests;

/// <summary>
/// JST isolation: every JST-scoped endpoint of recruitment, called for JST A's data by a member of JST B,
/// by an advisor or trainer without assignment, and by a partner, answers 404 (it neither shows nor
/// confirms the data); A's own team and operators see it. Each new JST-scoped endpoint gets a row here.
/// </summary>
public sealed class JstIsolationTests(RecruitmentService service) : IClassFixture<RecruitmentService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> ScopedEndpoints => new()
    {
        "/api/recruitment/applications/{application}",
    };

    /// <summary>Changes of JST data: another JST's people get 404 (not even a 403 that would confirm the application exists).</summary>
    public static TheoryData<string> ScopedWrites => new()
    {
        "/api/recruitment/applications/{application}/withdrawal",
    };

    [Theory]
    [MemberData(nameof(ScopedWrites))]
    public async Task Another_JSTs_coordinator_can_not_change_its_data(string template)
    {
        var round = await Applicants.OpenRoundAsync(service);
        var started = await Applicants.SubmittedAsync(service, round.Id, Applicants.RuralBoleslawiec);
        var path = template.Replace("{application}", started.Application.Id.ToString());

        var response = await service.ClientWith(TestTokens.Person(Guid.NewGuid(), ["jst-coordinator"], Applicants.RuralGromadka))
            .PostAsync(path, JsonContent.Create(new { }), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(ScopedEndpoints))]
    public async Task Only_the_JSTs_own_team_and_operators_see_its_data(string template)
    {
        var round = await Applicants.OpenRoundAsync(service);
        var started = await Applicants.StartAsync(service, round.Id, Applicants.WholeForm(Applicants.RuralBoleslawiec, Applicants.Team(3)));
        var path = template.Replace("{application}", started.Application.Id.ToString());

        async Task<HttpStatusCode> StatusAsync(string token) => (await service.ClientWith(token).GetAsync(path, Ct)).StatusCode;

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(TestTokens.Person(Guid.NewGuid(), ["jst-coordinator"], Applicants.RuralBoleslawiec)));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(TestTokens.Person(Guid.NewGuid(), ["operator"])));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(TestTokens.Person(Guid.NewGuid(), ["jst-member"], Applicants.RuralGromadka)));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(TestTokens.Person(Guid.NewGuid(), ["jst-coordinator"], "0201")));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(TestTokens.Person(Guid.NewGuid(), ["advisor"])));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(TestTokens.Person(Guid.NewGuid(), ["trainer"])));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(TestTokens.Client("partner-x", "recruitment.read", "recruitment.write")));
    }
}
