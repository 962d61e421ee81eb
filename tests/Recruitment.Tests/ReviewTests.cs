using Cro.Recruitment.Features.Applications;
using Cro.Recruitment.Features.Decisions;
using Cro.Recruitment.Features.Review;

namespace Cro.Recruitment.Tests;

public sealed class ReviewTests(RecruitmentService service) : IClassFixture<RecruitmentService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, bool> Checklist(bool allMet = true) =>
        FormalCheck.Items.Keys.ToDictionary(k => k, k => allMet || k != "authorised-signatory");

    [Fact]
    public async Task Adjusted_scores_reorder_the_ranking_and_every_adjustment_is_kept_with_its_reason()
    {
        var round = await Applicants.OpenRoundAsync(service);
        var first = await Applicants.SubmittedAsync(service, round.Id, Applicants.RuralBoleslawiec);
        var second = await Applicants.SubmittedAsync(service, round.Id, Applicants.RuralGromadka);

        var adjusted = await service.Operator().PostAsJsonAsync($"/api/recruitment/applications/{second.Application.Id}/score-adjustments",
            new AdjustScore.AdjustScoreRequest(3, "Dwie szkoły filialne pominięte w deklaracji."), Ct);
        var withoutReason = await service.Operator().PostAsJsonAsync($"/api/recruitment/applications/{second.Application.Id}/score-adjustments",
            new AdjustScore.AdjustScoreRequest(3, ""), Ct);
        var list = await service.Operator().GetFromJsonAsync<ListApplications.Page>($"/api/recruitment/rounds/{round.Id}/applications", Ct);

        Assert.Equal(17, (await adjusted.Content.ReadFromJsonAsync<ApplicationView>(Ct))!.Score);
        Assert.Equal(HttpStatusCode.BadRequest, withoutReason.StatusCode);
        Assert.Equal([second.Application.Id, first.Application.Id], list!.Items.Select(i => i.Id));
        await using var connection = new NpgsqlConnection(service.Factory.Database.AppConnectionString);
        await connection.OpenAsync(Ct);
        var error = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync("DELETE FROM score_adjustments"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
    }

    [Fact]
    public async Task Bulk_decision_accepts_the_best_up_to_capacity_leaves_out_failed_formal_checks_and_refuses_a_stale_preview()
    {
        var round = await Applicants.OpenRoundAsync(service, capacity: 1);
        var a = await Applicants.SubmittedAsync(service, round.Id, Applicants.RuralBoleslawiec);
        var b = await Applicants.SubmittedAsync(service, round.Id, Applicants.RuralGromadka);
        var failed = await Applicants.SubmittedAsync(service, round.Id, Applicants.RuralOsiecznica);
        var check = await service.Operator().PutAsJsonAsync($"/api/recruitment/applications/{failed.Application.Id}/formal-check",
            new FormalCheck.FormalCheckRequest(Checklist(allMet: false), "Brak pełnomocnictwa."), Ct);
        var noComment = await service.Operator().PutAsJsonAsync($"/api/recruitment/applications/{a.Application.Id}/formal-check",
            new FormalCheck.FormalCheckRequest(Checklist(allMet: false), null), Ct);

        var preview = await service.Operator().GetFromJsonAsync<BulkDecision.Plan>($"/api/recruitment/rounds/{round.Id}/bulk-decision", Ct);
        var stale = new BulkDecision.Apply([b.Application.Id], [a.Application.Id]);
        var refused = await service.Operator().PostAsJsonAsync($"/api/recruitment/rounds/{round.Id}/bulk-decision", stale, Ct);
        var applied = await service.Operator().PostAsJsonAsync($"/api/recruitment/rounds/{round.Id}/bulk-decision",
            new BulkDecision.Apply([.. preview!.Accept.Select(e => e.Id)], [.. preview.Reserve.Select(e => e.Id)]), Ct);

        Assert.False((await check.Content.ReadFromJsonAsync<FormalCheck.Result>(Ct))!.Passed);
        Assert.Equal(HttpStatusCode.BadRequest, noComment.StatusCode);
        Assert.Equal([a.Application.Id], preview.Accept.Select(e => e.Id));
        Assert.Equal([b.Application.Id], preview.Reserve.Select(e => e.Id));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        var statuses = (await service.Operator().GetFromJsonAsync<ListApplications.Page>($"/api/recruitment/rounds/{round.Id}/applications", Ct))!
            .Items.ToDictionary(i => i.Id, i => i.Status);
        Assert.Equal(("accepted", "reserve", "submitted"), (statuses[a.Application.Id], statuses[b.Application.Id], statuses[failed.Application.Id]));
        var again = await service.Operator().GetFromJsonAsync<BulkDecision.Plan>($"/api/recruitment/rounds/{round.Id}/bulk-decision", Ct);
        Assert.Empty(again!.Accept);
        Assert.Empty(again.Reserve);
    }

    [Fact]
    public async Task The_review_record_shows_the_checklist_and_every_check_adjustment_and_decision_newest_first()
    {
        var round = await Applicants.OpenRoundAsync(service);
        var submitted = await Applicants.SubmittedAsync(service, round.Id, Applicants.RuralBoleslawiec);
        var path = $"/api/recruitment/applications/{submitted.Application.Id}";
        await service.Operator().PutAsJsonAsync($"{path}/formal-check", new FormalCheck.FormalCheckRequest(Checklist(allMet: false), "Brak pełnomocnictwa."), Ct);
        await service.Operator().PutAsJsonAsync($"{path}/formal-check", new FormalCheck.FormalCheckRequest(Checklist(), "Pełnomocnictwo doniesione."), Ct);
        await service.Operator().PostAsJsonAsync($"{path}/score-adjustments", new AdjustScore.AdjustScoreRequest(-2, "Jedna szkoła zamknięta w 2024 r."), Ct);
        await service.Operator().PostAsJsonAsync($"{path}/decision", new DecideApplication.DecideApplicationRequest("reserve", null), Ct);

        var record = await service.Operator().GetFromJsonAsync<ReviewRecord.ReviewRecordResponse>($"{path}/review", Ct);
        var asCoordinator = await service.ClientWith(Cro.Tests.Infrastructure.TestTokens.Person(Guid.NewGuid(), ["jst-coordinator"], Applicants.RuralBoleslawiec))
            .GetAsync($"{path}/review", Ct);

        Assert.Equal(FormalCheck.Items.Keys, record!.Checklist.Select(i => i.Key));
        Assert.All(record.Checklist, i => Assert.False(string.IsNullOrWhiteSpace(i.Label)));
        Assert.Equal([true, false], record.FormalChecks.Select(c => c.Passed));
        Assert.False(record.FormalChecks[1].Checklist["authorised-signatory"]);
        Assert.Equal("Brak pełnomocnictwa.", record.FormalChecks[1].Comment);
        Assert.Equal((-2, "Jedna szkoła zamknięta w 2024 r."), (record.Adjustments.Single().Points, record.Adjustments.Single().Reason));
        Assert.Equal("reserve", record.Decisions.Single().Decision);
        Assert.Equal(submitted.Application.Team.Count, record.TeamHistory.Count);
        Assert.Equal(HttpStatusCode.Forbidden, asCoordinator.StatusCode);
    }
}
