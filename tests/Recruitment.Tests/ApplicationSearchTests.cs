using Cro.Recruitment.Features.Applications;
using Cro.Recruitment.Features.Decisions;

namespace Cro.Recruitment.Tests;

/// <summary>An operator finds an application of a round by what they know of it: the JST's name or TERC code, or its coordinator.</summary>
public sealed class ApplicationSearchTests(RecruitmentService service) : IClassFixture<RecruitmentService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<IReadOnlyList<string>> FindAsync(Guid roundId, string q) =>
        (await service.Operator().GetFromJsonAsync<ListApplications.Page>(
            $"/api/recruitment/rounds/{roundId}/applications?q={Uri.EscapeDataString(q)}", Ct))!.Items.Select(i => i.JstTerc).Order().ToList();

    [Fact]
    public async Task Applications_are_found_by_JST_name_TERC_code_or_coordinator()
    {
        var round = await Applicants.OpenRoundAsync(service);
        var boleslawiec = Applicants.Team(3);
        boleslawiec[0] = boleslawiec[0] with { FullName = "Łucja Żółkiewska", Email = $"l.zolkiewska.{Guid.NewGuid():N}@boleslawiec.test" };
        var started = await Applicants.StartAsync(service, round.Id, Applicants.WholeForm(Applicants.RuralBoleslawiec, boleslawiec));
        (await Applicants.SubmitAsync(service, started)).EnsureSuccessStatusCode();
        await Applicants.SubmittedAsync(service, round.Id, Applicants.RuralGromadka);
        await Applicants.SubmittedAsync(service, round.Id, Applicants.RuralOsiecznica);

        Assert.Equal([Applicants.RuralGromadka], await FindAsync(round.Id, "gromad"));
        Assert.Equal([Applicants.RuralOsiecznica], await FindAsync(round.Id, "OSIECZ"));
        Assert.Equal([Applicants.RuralBoleslawiec], await FindAsync(round.Id, "0201022"));
        Assert.Equal([Applicants.RuralBoleslawiec, Applicants.RuralGromadka, Applicants.RuralOsiecznica], await FindAsync(round.Id, "02010"));
        Assert.Equal([Applicants.RuralBoleslawiec], await FindAsync(round.Id, "zolkiew"));
        Assert.Equal([Applicants.RuralBoleslawiec], await FindAsync(round.Id, "Łucja Żół"));
        Assert.Equal([Applicants.RuralBoleslawiec], await FindAsync(round.Id, "l.zolkiewska"));
        Assert.Empty(await FindAsync(round.Id, "100%_"));
    }

    [Fact]
    public async Task A_search_text_over_100_characters_is_refused()
    {
        var round = await Applicants.OpenRoundAsync(service);

        var response = await service.Operator().GetAsync($"/api/recruitment/rounds/{round.Id}/applications?q={new string('a', 101)}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
