using Cro.Publishing.Features.Practices;
using Cro.Publishing.Features.Proposals;

namespace Cro.Publishing.Tests;

/// <summary>
/// A trainer, an advisor or ORE proposes that a JST describe something as a good practice: the JST's team is told (by mail)
/// and sees it, and turns it into a draft or declines it; the proposer follows what became of it; no one else sees it.
/// </summary>
public sealed class ProposalTests(PublishingService service) : IClassFixture<PublishingService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<ProposalView> ProposeAsync(HttpClient proposer, string terc, string title) =>
        await Practices.ReadAsync<ProposalView>(await proposer.PostAsJsonAsync("/api/publishing/proposals",
            new { jstTerc = terc, title, description = "Na spotkaniu doradczym zespół opowiadał o tym z dumą; inne gminy mogą to powtórzyć." }, Ct),
            HttpStatusCode.Created);

    private static async Task<IReadOnlyList<ProposalView>> ListAsync(HttpClient caller) =>
        await Practices.ReadAsync<List<ProposalView>>(await caller.GetAsync("/api/publishing/proposals", Ct));

    [Fact]
    public async Task An_advisors_proposal_reaches_the_JSTs_team_who_start_a_draft_from_it()
    {
        var team = await service.JstWithTeamAsync("1001011", "Bełchatów", "urban-municipality", "łódzkie");
        var other = await service.JstWithTeamAsync("1001022", "Drużbice", voivodeship: "łódzkie");
        var advisorEmail = await service.AssignAdvisorAsync(team.Terc);
        var advisor = service.Advisor(advisorEmail, team.Terc);

        var proposal = await ProposeAsync(advisor, team.Terc, "Szkolne kluby programowania dla dzieci z rodzin bez komputera");

        Assert.Equal(("open", "advisor", "Piotr Doradca", "Bełchatów"), (proposal.Status, proposal.ProposedByRole, proposal.ProposedByName, proposal.JstName));
        var told = Assert.Single(await service.EventsAsync("GoodPracticeProposed", e => e.GetProperty("proposalId").GetGuid() == proposal.Id));
        Assert.Equal(new[] { team.Coordinator.Email, team.Member.Email, team.Third.Email }.Order(),
            told.GetProperty("team").EnumerateArray().Select(p => p.GetProperty("email").GetString()).Order());
        var jan = service.As(team, team.Member);
        Assert.Equal([proposal.Id], (await ListAsync(jan)).Select(p => p.Id));
        Assert.Equal([proposal.Id], (await ListAsync(advisor)).Select(p => p.Id));
        Assert.Contains(proposal.Id, (await ListAsync(service.Editor())).Select(p => p.Id));
        Assert.Empty(await ListAsync(service.As(other, other.Member)));
        Assert.Empty(await ListAsync(service.Trainer()));

        var draft = await Practices.ReadAsync<PracticeView>(await jan.PostAsJsonAsync($"/api/publishing/proposals/{proposal.Id}/draft", new { }, Ct),
            HttpStatusCode.Created);

        Assert.Equal(("draft", proposal.Id, "Szkolne kluby programowania dla dzieci z rodzin bez komputera"), (draft.Status, draft.ProposalId, draft.Template.Title));
        Assert.Equal((team.Member.FullName, true), (draft.Authors.Single().FullName, draft.Authors.Single().Lead));
        var taken = (await ListAsync(advisor)).Single();
        Assert.Equal(("taken", draft.Id), (taken.Status, taken.PracticeId));
        // Answered once: a second draft, or a decline, is a 409 and writes nothing.
        var before = await service.RowCountsAsync();
        Assert.Equal(HttpStatusCode.Conflict, (await jan.PostAsJsonAsync($"/api/publishing/proposals/{proposal.Id}/draft", new { }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict,
            (await jan.PostAsJsonAsync($"/api/publishing/proposals/{proposal.Id}/decline", new { reason = "Nie." }, Ct)).StatusCode);
        Assert.Equal(before, await service.RowCountsAsync());
    }

    [Fact]
    public async Task A_trainers_proposal_may_be_declined_with_a_reason_the_trainer_reads()
    {
        var team = await service.JstWithTeamAsync("1001033", "Kleszczów", voivodeship: "łódzkie");
        var trainerId = Guid.CreateVersion7();
        var proposal = await ProposeAsync(service.Trainer(trainerId), team.Terc, "Zdalne lekcje w czasie powodzi");
        var other = await service.JstWithTeamAsync("1001044", "Rusiec", voivodeship: "łódzkie");
        Assert.Equal(HttpStatusCode.NotFound, (await service.As(other, other.Coordinator)
            .PostAsJsonAsync($"/api/publishing/proposals/{proposal.Id}/decline", new { reason = "Nie nasza." }, Ct)).StatusCode);

        var declined = await Practices.ReadAsync<ProposalView>(await service.As(team, team.Coordinator)
            .PostAsJsonAsync($"/api/publishing/proposals/{proposal.Id}/decline", new { reason = "Opisaliśmy to już w zeszłym roku w innym programie." }, Ct));

        Assert.Equal(("declined", "Opisaliśmy to już w zeszłym roku w innym programie."), (declined.Status, declined.DeclineReason));
        var seenByTrainer = Assert.Single(await ListAsync(service.Trainer(trainerId)));
        Assert.Equal(("declined", "trainer"), (seenByTrainer.Status, seenByTrainer.ProposedByRole));
    }

    [Fact]
    public async Task Only_trainers_advisors_and_ORE_propose_and_only_to_a_JST_of_the_registry()
    {
        var team = await service.JstWithTeamAsync("1001055", "Szczerców", voivodeship: "łódzkie");
        var before = await service.RowCountsAsync();
        var body = new { jstTerc = team.Terc, title = "Coś", description = "Warto." };

        Assert.Equal(HttpStatusCode.Forbidden, (await service.As(team, team.Coordinator).PostAsJsonAsync("/api/publishing/proposals", body, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await service.Partner().PostAsJsonAsync("/api/publishing/proposals", body, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await service.Editor().PostAsJsonAsync("/api/publishing/proposals", body with { jstTerc = "9999999" }, Ct))
            .StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await service.Editor().PostAsJsonAsync("/api/publishing/proposals", body with { title = " " }, Ct))
            .StatusCode);
        Assert.Equal(before, await service.RowCountsAsync());
    }
}
