using Cro.Publishing.Features.Proposals;

namespace Cro.Publishing.Tests;

/// <summary>The publishing OpenAPI document, read as a partner reads it and held against the service's real answers.</summary>
public sealed class OpenApiDocumentTests(PublishingService service) : OpenApiDocumentFacts("publishing"), IClassFixture<PublishingService>
{
    protected override HttpClient Anonymous => service.Anonymous;

    [Fact]
    public async Task Answers_to_the_team_its_advisor_ORE_the_partner_and_anyone_are_as_documented()
    {
        var document = await DocumentAsync();
        var team = await service.JstWithTeamAsync("1601011", "Brzeg", "urban-municipality", "opolskie");
        var advisorEmail = await service.AssignAdvisorAsync(team.Terc);
        var author = service.As(team, team.Coordinator);
        var practice = await Practices.PublishedAsync(service, team, Practices.Complete());
        var draft = await Practices.StartAsync(author, Practices.Complete(title: "Szkic"));
        var file = await author.PostAsync($"/api/publishing/practices/{draft.Id}/files", Practices.Upload(Practices.Png(), "a.png", "photo", "Sala"), Ct);
        var fileId = (await Practices.ReadAsync<Cro.Publishing.Features.Practices.PracticeFileView>(file, HttpStatusCode.Created)).Id;
        await Practices.ReadAsync<ProposalView>(await service.Editor().PostAsJsonAsync("/api/publishing/proposals",
            new { jstTerc = team.Terc, title = "Propozycja", description = "Warto." }, Ct), HttpStatusCode.Created);
        var partner = service.Partner();
        var partnerDraft = await Practices.ReadAsync<Cro.Publishing.Features.Practices.PracticeView>(await partner.PostAsJsonAsync(
            $"/api/publishing/partner/jst/{team.Terc}/practices", Practices.Complete(title: "Od partnera"), Ct), HttpStatusCode.Created);
        string[] known =
        [
            $"/api/publishing/practices/{practice.Id}", $"/api/publishing/practices/{practice.Id}/versions/1", $"/api/publishing/practices/{draft.Id}",
            $"/api/publishing/practices/{draft.Id}/files/{fileId}", "/api/publishing/practices?status=draft&limit=1",
        ];
        string[] open =
        [
            $"/api/publishing/catalogue/practices/{practice.Id}", "/api/publishing/catalogue/practices?q=szkoły&topic=infrastructure",
            "/api/publishing/catalogue/practices?topic=astrologia",
        ];

        var byOperator = await document.AssertAnswersAsync(service.Editor(),
            [.. document.PathsWithoutParameters(), .. known, .. open, .. document.PathsForNothing()], Ct);
        await document.AssertAnswersAsync(author, [.. document.PathsWithoutParameters(), .. known, .. open], Ct);
        await document.AssertAnswersAsync(service.Advisor(advisorEmail, team.Terc), [.. document.PathsWithoutParameters(), .. known], Ct);
        var byPartner = await document.AssertAnswersAsync(partner,
            [.. document.PathsWithoutParameters(), $"/api/publishing/partner/practices/{partnerDraft.Id}", .. open], Ct);
        var byAnyone = await document.AssertAnswersAsync(service.Anonymous, [.. document.PathsWithoutParameters(), .. open, .. document.PathsForNothing()], Ct);

        Assert.All(known, path => Assert.Equal(200, byOperator[path]));
        Assert.Equal(200, byPartner[$"/api/publishing/partner/practices/{partnerDraft.Id}"]);
        Assert.Equal(200, byAnyone[$"/api/publishing/catalogue/practices/{practice.Id}"]);
        Assert.Equal(400, byAnyone["/api/publishing/catalogue/practices?topic=astrologia"]);
    }
}
