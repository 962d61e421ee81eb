using Cro.Recruitment.Features.Decisions;
using Cro.Recruitment.Features.Partner;
using Cro.Recruitment.Features.Rounds;
using Microsoft.AspNetCore.Mvc;

namespace Cro.Recruitment.Tests;

/// <summary>A partner client limited to its members (client_jst claims) acts for them only and reads only theirs.</summary>
public sealed class PartnerJstLimitTests(RecruitmentService service) : IClassFixture<RecruitmentService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient LimitedTo(string[] tercs, params string[] scopes) => service.ClientWith(TestTokens.LimitedClient("partner-members", tercs, scopes));

    [Fact]
    public async Task A_draft_for_a_JST_outside_the_limit_is_403_naming_the_JST_and_writes_nothing()
    {
        var round = await Applicants.OpenRoundAsync(service);
        var partner = LimitedTo([Applicants.RuralGromadka], "recruitment.write");
        var path = $"/api/recruitment/rounds/{round.Id}/partner-drafts";

        var outside = await partner.PostAsJsonAsync(path, Applicants.WholeForm(Applicants.RuralBoleslawiec, Applicants.Team(3)), Ct);
        var inside = await partner.PostAsJsonAsync(path, Applicants.WholeForm(Applicants.RuralGromadka, Applicants.Team(3)), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
        var problem = await outside.Content.ReadFromJsonAsync<ProblemDetails>(Ct);
        Assert.Contains(Applicants.RuralBoleslawiec, problem!.Detail);
        Assert.Equal(HttpStatusCode.Created, inside.StatusCode);
        var drafted = await QueryAsync<string>("SELECT jst_terc FROM applications WHERE round_id = @round", new { round = round.Id });
        Assert.Equal([Applicants.RuralGromadka], drafted);
        Assert.Equal([Applicants.RuralGromadka], await QueryAsync<string>("""
            SELECT payload->>'jstTerc' FROM outbox_messages WHERE message_type LIKE 'Cro.Contracts.ApplicationDraftStarted,%'
              AND (payload->>'applicationId')::uuid IN (SELECT id FROM applications WHERE round_id = @round)
            """, new { round = round.Id }));
    }

    [Fact]
    public async Task The_accepted_JST_and_the_statistics_of_a_limited_client_are_of_its_JST_only()
    {
        var round = await Applicants.OpenRoundAsync(service);
        foreach (var terc in new[] { Applicants.RuralBoleslawiec, Applicants.RuralGromadka, Applicants.RuralOsiecznica })
        {
            var submitted = await Applicants.SubmittedAsync(service, round.Id, terc);
            if (terc != Applicants.RuralOsiecznica)
            {
                (await service.Operator().PostAsJsonAsync($"/api/recruitment/applications/{submitted.Application.Id}/decision",
                    new DecideApplication.DecideApplicationRequest("accepted", null), Ct)).EnsureSuccessStatusCode();
            }
        }
        var limited = LimitedTo([Applicants.RuralGromadka, Applicants.RuralOsiecznica, "1465011"], "recruitment.read");
        var unlimited = service.ClientWith(TestTokens.Client("partner-all", "recruitment.read"));

        var accepted = await limited.GetFromJsonAsync<List<AcceptedJst.Item>>($"/api/recruitment/rounds/{round.Id}/accepted-jst", Ct);
        var all = await unlimited.GetFromJsonAsync<List<AcceptedJst.Item>>($"/api/recruitment/rounds/{round.Id}/accepted-jst", Ct);
        var statistics = await limited.GetFromJsonAsync<RoundStatistics.RoundStatisticsResponse>($"/api/recruitment/rounds/{round.Id}/statistics", Ct);
        var allStatistics = await unlimited.GetFromJsonAsync<RoundStatistics.RoundStatisticsResponse>($"/api/recruitment/rounds/{round.Id}/statistics", Ct);

        Assert.Equal([Applicants.RuralGromadka], accepted!.Select(a => a.Terc));
        Assert.Equal([Applicants.RuralBoleslawiec, Applicants.RuralGromadka], all!.Select(a => a.Terc).Order());
        Assert.Equal(1, statistics!.ByStatus["accepted"]);
        Assert.Equal(1, statistics.ByStatus["submitted"]);
        Assert.Equal(2, statistics.ByVoivodeship.Single().Submitted);
        Assert.Equal(2, allStatistics!.ByStatus["accepted"]);
    }

    [Fact]
    public async Task A_draft_of_a_JST_taken_off_the_limit_is_no_longer_found_by_the_client()
    {
        var round = await Applicants.OpenRoundAsync(service);
        var before = LimitedTo([Applicants.RuralBoleslawiec, Applicants.RuralOsiecznica], "recruitment.write");
        var draft = await (await before.PostAsJsonAsync($"/api/recruitment/rounds/{round.Id}/partner-drafts",
            Applicants.WholeForm(Applicants.RuralBoleslawiec, Applicants.Team(3)), Ct)).Content.ReadFromJsonAsync<PartnerDrafts.Proposed>(Ct);
        var after = LimitedTo([Applicants.RuralOsiecznica], "recruitment.write");

        Assert.Equal(HttpStatusCode.OK, (await before.GetAsync($"/api/recruitment/partner-drafts/{draft!.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await after.GetAsync($"/api/recruitment/partner-drafts/{draft.Id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task An_operator_is_never_limited()
    {
        var round = await Applicants.OpenRoundAsync(service);

        var answer = await service.Operator().PostAsJsonAsync($"/api/recruitment/rounds/{round.Id}/partner-drafts",
            Applicants.WholeForm(Applicants.RuralOsiecznica, Applicants.Team(3)), Ct);

        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        Assert.Equal(Applicants.RuralOsiecznica, (await answer.Content.ReadFromJsonAsync<PartnerDrafts.Proposed>(Ct))!.JstTerc);
    }

    private async Task<List<T>> QueryAsync<T>(string sql, object parameters)
    {
        await using var connection = new NpgsqlConnection(service.Factory.Database.OwnerConnectionString);
        return [.. await connection.QueryAsync<T>(sql, parameters)];
    }
}
