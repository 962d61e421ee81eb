using Cro.Recruitment.Features.Applications;

namespace Cro.Recruitment.Tests;

/// <summary>A JST that already applied in a round learns it when it is chosen, and no unusable draft is left.</summary>
public sealed class CandidacyTests(RecruitmentService service) : IClassFixture<RecruitmentService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<CheckJstCandidacy.JstCandidacy?> CandidacyAsync(Guid roundId, string terc) =>
        service.Client.GetFromJsonAsync<CheckJstCandidacy.JstCandidacy>($"/api/recruitment/rounds/{roundId}/candidates/{terc}", Ct);

    [Fact]
    public async Task Second_application_for_the_same_JST_is_refused_when_the_JST_is_chosen()
    {
        var round = await Applicants.OpenRoundAsync(service);
        var before = await CandidacyAsync(round.Id, Applicants.RuralBoleslawiec);
        await Applicants.SubmittedAsync(service, round.Id, Applicants.RuralBoleslawiec);

        var after = await CandidacyAsync(round.Id, Applicants.RuralBoleslawiec);
        var other = await CandidacyAsync(round.Id, Applicants.RuralGromadka);

        Assert.True(before!.CanApply);
        Assert.False(after!.CanApply);
        Assert.True(after.HasLiveApplication);
        Assert.Contains("ma już złożony wniosek", after.Reason);
        Assert.Contains("operatorem", after.Reason);
        Assert.True(other!.CanApply);
    }

    [Fact]
    public async Task The_answer_names_no_one_from_the_application_already_made()
    {
        var round = await Applicants.OpenRoundAsync(service);
        var started = await Applicants.SubmittedAsync(service, round.Id, Applicants.RuralGromadka);

        var body = await service.Client.GetStringAsync($"/api/recruitment/rounds/{round.Id}/candidates/{Applicants.RuralGromadka}", Ct);

        Assert.Contains("\"canApply\":false", body);
        Assert.DoesNotContain(started.Application.Id.ToString(), body);
        Assert.DoesNotContain("@gmina.test", body);
        Assert.DoesNotContain("Wójcik", body);
    }

    [Fact]
    public async Task No_draft_is_started_for_a_JST_that_already_applied_in_the_round()
    {
        var round = await Applicants.OpenRoundAsync(service);
        await Applicants.SubmittedAsync(service, round.Id, Applicants.RuralOsiecznica);

        var refused = await service.Client.PostAsJsonAsync($"/api/recruitment/rounds/{round.Id}/applications",
            Applicants.WholeForm(Applicants.RuralOsiecznica, Applicants.Team(3)), Ct);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("ma już złożony wniosek", await refused.Content.ReadAsStringAsync(Ct));
        await using var owner = new NpgsqlConnection(service.Factory.Database.OwnerConnectionString);
        Assert.Equal(1, await owner.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM applications WHERE round_id = @id AND jst_terc = @terc", new { id = round.Id, terc = Applicants.RuralOsiecznica }));
    }

    [Fact]
    public async Task An_unknown_JST_or_round_answers_not_found()
    {
        var round = await Applicants.OpenRoundAsync(service);

        Assert.Equal(HttpStatusCode.NotFound, (await service.Client.GetAsync($"/api/recruitment/rounds/{round.Id}/candidates/9999999", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await service.Client.GetAsync($"/api/recruitment/rounds/{Guid.NewGuid()}/candidates/0201022", Ct)).StatusCode);
    }
}
