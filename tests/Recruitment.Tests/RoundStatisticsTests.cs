using Cro.Recruitment.Features.Rounds;

namespace Cro.Recruitment.Tests;

public sealed class RoundStatisticsTests(RecruitmentService service) : IClassFixture<RecruitmentService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Partner_with_recruitment_read_sees_counts_by_voivodeship_and_kind_and_drafts_do_not_count()
    {
        var round = await Applicants.OpenRoundAsync(service);
        foreach (var terc in new[] { Applicants.RuralBoleslawiec, Applicants.RuralGromadka })
        {
            var started = await Applicants.StartAsync(service, round.Id, Applicants.WholeForm(terc, Applicants.Team(3)));
            (await Applicants.SubmitAsync(service, started)).EnsureSuccessStatusCode();
        }
        await Applicants.StartAsync(service, round.Id, Applicants.WholeForm(Applicants.RuralOsiecznica, Applicants.Team(3)));
        var partner = service.ClientWith(TestTokens.Client("partner-stats", "recruitment.read"));

        var statistics = await partner.GetFromJsonAsync<RoundStatistics.RoundStatisticsResponse>($"/api/recruitment/rounds/{round.Id}/statistics", Ct);

        Assert.Equal(2, statistics!.ByStatus["submitted"]);
        var dolnoslaskie = Assert.Single(statistics.ByVoivodeship);
        Assert.Equal(("02", "dolnośląskie", 2, 0), (dolnoslaskie.Terc, dolnoslaskie.Name, dolnoslaskie.Submitted, dolnoslaskie.Accepted));
        Assert.Equal(2, Assert.Single(statistics.ByKind).Submitted);
    }

    [Fact]
    public async Task Statistics_need_recruitment_read_or_an_operator()
    {
        var round = await Applicants.OpenRoundAsync(service);
        var path = $"/api/recruitment/rounds/{round.Id}/statistics";

        Assert.Equal(HttpStatusCode.Unauthorized, (await service.Client.GetAsync(path, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await service.ClientWith(TestTokens.Client("partner-x", "practices.write")).GetAsync(path, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await service.ClientWith(TestTokens.Person(Guid.NewGuid(), ["jst-coordinator"], "0201022")).GetAsync(path, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await service.Operator().GetAsync(path, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await service.Operator().GetAsync($"/api/recruitment/rounds/{Guid.NewGuid()}/statistics", Ct)).StatusCode);
    }
}
