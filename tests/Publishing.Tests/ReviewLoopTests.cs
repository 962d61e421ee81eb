using System.Text.Json;
using Cro.Publishing.Features.Practices;

namespace Cro.Publishing.Tests;

/// <summary>
/// A good practice's way from the JST's team to the catalogue, through the API: drafted, submitted, returned by the advisor,
/// revised by a co-author, passed on, returned by ORE's editor, revised, published; every submission kept as a version; each
/// step announced once, with the authors (and, on submission to the advisor, the advisor) as the mails' recipients; and its
/// withdrawal with a reason.
/// </summary>
public sealed class ReviewLoopTests(PublishingService service) : IClassFixture<PublishingService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<IReadOnlyList<JsonElement>> EventsOfAsync(string type, Guid practiceId) =>
        await service.EventsAsync(type, e => e.GetProperty("practiceId").GetGuid() == practiceId);

    private static string[] Emails(JsonElement e, string list) => [.. e.GetProperty(list).EnumerateArray().Select(p => p.GetProperty("email").GetString()!).Order()];

    [Fact]
    public async Task Authors_draft_advisor_and_editor_ask_for_changes_authors_revise_and_the_editor_publishes_with_every_version_kept()
    {
        var team = await service.JstWithTeamAsync("0201011", "Bolesławiec");
        var advisorEmail = await service.AssignAdvisorAsync(team.Terc);
        var (anna, jan) = (service.As(team, team.Coordinator), service.As(team, team.Member));
        var advisor = service.Advisor(advisorEmail, team.Terc);
        var editor = service.Editor();
        string[] authorEmails = [.. new[] { team.Coordinator.Email, team.Member.Email }.Order()];

        // Anna drafts it with Jan as co-author, and submits it: it goes to the JST's advisor.
        var draft = await Practices.StartAsync(anna, Practices.Complete(authors: [new AuthorInput(team.Member.MemberId)]));
        Assert.Equal(("draft", 0), (draft.Status, draft.Round));
        Assert.Equal([(team.Coordinator.FullName, true), (team.Member.FullName, false)], draft.Authors.Select(a => (a.FullName, a.Lead)));
        var submitted = await Practices.PostAsync(anna, draft.Id, "submit");
        Assert.Equal(("submitted", 1), (submitted.Status, submitted.Round));

        // The advisor asks for changes; Jan revises the solution and submits again: back to the advisor, as version 2.
        var returned = await Practices.PostAsync(advisor, draft.Id, "request-changes", new { comment = "Dopiszcie, ile kosztowało utrzymanie sieci." });
        Assert.Equal(("changes-requested", "advisor"), (returned.Status, returned.ReturnedFrom));
        var revised = await Practices.SaveAsync(jan, returned,
            returned.Template with { Solution = "Gmina połączyła szkoły siecią światłowodową; utrzymanie kosztuje 6 000 zł rocznie." });
        Assert.Equal([(team.Coordinator.FullName, true), (team.Member.FullName, false)], revised.Authors.Select(a => (a.FullName, a.Lead)));
        Assert.Equal("submitted", (await Practices.PostAsync(jan, draft.Id, "submit")).Status);

        // The advisor passes it on; ORE's editor asks for changes; Anna revises and submits: straight back to the editor, as version 3.
        Assert.Equal("editor-review", (await Practices.PostAsync(advisor, draft.Id, "approve")).Status);
        var fromEditor = await Practices.PostAsync(editor, draft.Id, "request-changes", new { comment = "Skróćcie streszczenie do dwóch zdań." });
        Assert.Equal(("changes-requested", "editor"), (fromEditor.Status, fromEditor.ReturnedFrom));
        await Practices.SaveAsync(anna, fromEditor, fromEditor.Template with { Summary = "Światłowód w każdej szkole. Wi-Fi w każdej sali." });
        var third = await Practices.PostAsync(anna, draft.Id, "submit");
        Assert.Equal(("editor-review", 3), (third.Status, third.Round));

        var published = await Practices.PostAsync(editor, draft.Id, "publish");
        Assert.Equal(("published", 3), (published.Status, published.PublishedVersion));
        Assert.Equal(
            [("advisor", "changes-requested", "Dopiszcie, ile kosztowało utrzymanie sieci.", 1), ("advisor", "approved", null, 2),
             ("editor", "changes-requested", "Skróćcie streszczenie do dwóch zdań.", 2), ("editor", "published", null, 3)],
            published.Reviews.Select(r => (r.Stage, r.Decision, r.Comment, r.Version)));
        Assert.Equal([1, 2, 3], published.Versions.Select(v => v.Number));

        // Every version reads as it was submitted.
        var first = await Practices.ReadAsync<PracticeVersionView>(await anna.GetAsync($"/api/publishing/practices/{draft.Id}/versions/1", Ct));
        var second = await Practices.ReadAsync<PracticeVersionView>(await advisor.GetAsync($"/api/publishing/practices/{draft.Id}/versions/2", Ct));
        var last = await Practices.ReadAsync<PracticeVersionView>(await editor.GetAsync($"/api/publishing/practices/{draft.Id}/versions/3", Ct));
        Assert.Equal(draft.Template.Solution, first.Template.Solution);
        Assert.Contains("6 000 zł rocznie", second.Template.Solution);
        Assert.Equal(draft.Template.Summary, second.Template.Summary);
        Assert.Equal("Światłowód w każdej szkole. Wi-Fi w każdej sali.", last.Template.Summary);
        Assert.Equal("Dopiszcie, ile kosztowało utrzymanie sieci.", Assert.Single(first.Reviews).Comment);

        // The catalogue shows the version published, with the authors' names (they consented) and no address of theirs.
        var page = await service.Anonymous.GetStringAsync($"/api/publishing/catalogue/practices/{draft.Id}", Ct);
        var inCatalogue = JsonSerializer.Deserialize<PublishedPractice>(page, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        Assert.Equal((3, "Światłowód w każdej szkole. Wi-Fi w każdej sali."), (inCatalogue.Version, inCatalogue.Summary));
        Assert.Equal([team.Coordinator.FullName, team.Member.FullName], inCatalogue.Authors);
        Assert.Equal(("Bolesławiec", "rural-municipality", "dolnośląskie"), (inCatalogue.Jst.Name, inCatalogue.Jst.Kind, inCatalogue.Jst.VoivodeshipName));
        Assert.Equal(("CC-BY-4.0", 48_000m), (inCatalogue.Licence.Code, inCatalogue.TotalCost));
        Assert.DoesNotContain(team.Coordinator.Email, page);

        // Each step announced once, to the authors; the submissions to the advisor also to the advisor.
        var submissions = await EventsOfAsync("GoodPracticeSubmitted", draft.Id);
        Assert.Equal([(1, "advisor"), (2, "advisor"), (3, "editor")],
            submissions.Select(e => (e.GetProperty("version").GetInt32(), e.GetProperty("reviewStage").GetString())));
        Assert.All(submissions, e => Assert.Equal(authorEmails, Emails(e, "authors")));
        Assert.Equal([[advisorEmail], [advisorEmail], []], submissions.Select(e => Emails(e, "reviewers")));
        var changes = await EventsOfAsync("GoodPracticeChangesRequested", draft.Id);
        Assert.Equal(["advisor", "editor"], changes.Select(e => e.GetProperty("stage").GetString()));
        Assert.All(changes, e => Assert.Equal(authorEmails, Emails(e, "authors")));
        Assert.Single(await EventsOfAsync("GoodPracticeApprovedByAdvisor", draft.Id));
        var publication = Assert.Single(await EventsOfAsync("GoodPracticePublished", draft.Id));
        Assert.Equal((team.Terc, "rural-municipality", "02", 48_000m), (publication.GetProperty("jstTerc").GetString(),
            publication.GetProperty("jstKind").GetString(), publication.GetProperty("voivodeshipTerc").GetString(), publication.GetProperty("totalCost").GetDecimal()));
        Assert.Equal($"https://cro.test/dobre-praktyki/{draft.Id}", publication.GetProperty("practiceUrl").GetString());
        Assert.Equal(authorEmails, Emails(publication, "authors"));
        // …and handed to the broker.
        await Eventually.GetAsync(() => service.QueryAsync<int>("SELECT count(*)::int FROM outbox_messages WHERE published_at IS NULL"), n => n.Single() == 0,
            what: "the events handed to the broker");
    }

    [Fact]
    public async Task A_practice_withdrawn_with_a_reason_leaves_the_catalogue_and_its_authors_may_revise_it_for_the_advisor_again()
    {
        var team = await service.JstWithTeamAsync("0201022", "Gromadka");
        var practice = await Practices.PublishedAsync(service, team, Practices.Complete(title: "Dziennik elektroniczny we wszystkich szkołach gminy"));
        var editor = service.Editor();
        Assert.Equal(HttpStatusCode.OK, (await service.Anonymous.GetAsync($"/api/publishing/catalogue/practices/{practice.Id}", Ct)).StatusCode);

        var withdrawn = await Practices.PostAsync(editor, practice.Id, "unpublish", new { reason = "Gmina zgłosiła nieaktualne dane kontaktowe." });

        Assert.Equal(("unpublished", "Gmina zgłosiła nieaktualne dane kontaktowe."), (withdrawn.Status, withdrawn.UnpublishReason));
        Assert.Equal(HttpStatusCode.NotFound, (await service.Anonymous.GetAsync($"/api/publishing/catalogue/practices/{practice.Id}", Ct)).StatusCode);
        var search = await service.Anonymous.GetStringAsync("/api/publishing/catalogue/practices?q=dziennik", Ct);
        Assert.DoesNotContain(practice.Id.ToString(), search);
        var unpublished = Assert.Single(await EventsOfAsync("GoodPracticeUnpublished", practice.Id));
        Assert.Equal("Gmina zgłosiła nieaktualne dane kontaktowe.", unpublished.GetProperty("reason").GetString());
        Assert.Equal([team.Coordinator.Email], Emails(unpublished, "authors"));
        // A second withdrawal finds nothing to withdraw.
        Assert.Equal(HttpStatusCode.Conflict,
            (await editor.PostAsJsonAsync($"/api/publishing/practices/{practice.Id}/unpublish", new { reason = "Jeszcze raz." }, Ct)).StatusCode);

        // The authors correct it and submit it again: a new version, to the advisor.
        var anna = service.As(team, team.Coordinator);
        var corrected = await Practices.SaveAsync(anna, withdrawn, withdrawn.Template with
        {
            Contacts = [new PracticeContact("Nowa Osoba", "sekretarz", "sekretariat@gromadka.example.pl")],
        });
        var again = await Practices.PostAsync(anna, corrected.Id, "submit");
        Assert.Equal(("submitted", 2), (again.Status, again.Round));
    }

    [Fact]
    public async Task Steps_out_of_order_are_refused_and_change_nothing()
    {
        var team = await service.JstWithTeamAsync("0201033", "Osiecznica");
        var anna = service.As(team, team.Coordinator);
        var editor = service.Editor();
        var draft = await Practices.StartAsync(anna, Practices.Complete());
        var before = await service.RowCountsAsync();
        var state = await service.PracticesStateAsync();

        // A draft is neither approved nor published nor returned; a submitted one is not edited, published or submitted twice.
        Assert.Equal(HttpStatusCode.Conflict, (await editor.PostAsJsonAsync($"/api/publishing/practices/{draft.Id}/approve", new { }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await editor.PostAsJsonAsync($"/api/publishing/practices/{draft.Id}/publish", new { }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict,
            (await editor.PostAsJsonAsync($"/api/publishing/practices/{draft.Id}/request-changes", new { comment = "?" }, Ct)).StatusCode);
        Assert.Equal((before, state), (await service.RowCountsAsync(), await service.PracticesStateAsync()));

        var submitted = await Practices.PostAsync(anna, draft.Id, "submit");
        before = await service.RowCountsAsync();
        state = await service.PracticesStateAsync();
        Assert.Equal(HttpStatusCode.Conflict,
            (await anna.PutAsJsonAsync($"/api/publishing/practices/{draft.Id}?revision={submitted.Revision}", submitted.Template, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await anna.PostAsJsonAsync($"/api/publishing/practices/{draft.Id}/submit", new { }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await editor.PostAsJsonAsync($"/api/publishing/practices/{draft.Id}/publish", new { }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await anna.PostAsync($"/api/publishing/practices/{draft.Id}/files",
            Practices.Upload(Practices.Pdf(), "wzor.pdf", "attachment"), Ct)).StatusCode);

        // At the editorial stage the advisor no longer asks for changes: ORE's editor does.
        var advisorEmail = await service.AssignAdvisorAsync(team.Terc);
        await Practices.PostAsync(service.Advisor(advisorEmail, team.Terc), draft.Id, "approve");
        before = await service.RowCountsAsync();
        var refused = await service.Advisor(advisorEmail, team.Terc)
            .PostAsJsonAsync($"/api/publishing/practices/{draft.Id}/request-changes", new { comment = "Jeszcze jedno." }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(before, await service.RowCountsAsync());
    }

    [Fact]
    public async Task A_save_over_someone_elses_newer_one_is_refused_and_loses_nothing()
    {
        var team = await service.JstWithTeamAsync("0201044", "Nowogrodziec");
        var (anna, jan) = (service.As(team, team.Coordinator), service.As(team, team.Member));
        var draft = await Practices.StartAsync(anna, Practices.Complete());
        await Practices.SaveAsync(jan, draft, draft.Template with { Title = "Tytuł Jana" });

        var late = await anna.PutAsJsonAsync($"/api/publishing/practices/{draft.Id}?revision={draft.Revision}", draft.Template with { Title = "Tytuł Anny" }, Ct);

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        var now = await Practices.ReadAsync<PracticeView>(await anna.GetAsync($"/api/publishing/practices/{draft.Id}", Ct));
        Assert.Equal(("Tytuł Jana", draft.Revision + 1), (now.Template.Title, now.Revision));
    }

    [Fact]
    public async Task The_form_offers_the_JSTs_current_team_as_co_authors_and_no_one_elses()
    {
        var team = await service.JstWithTeamAsync("0201055", "Pieńsk");
        var other = await service.JstWithTeamAsync("0201066", "Węgliniec");

        var offered = await Practices.ReadAsync<List<ListTeamMembers.TeamMember>>(await service.As(team, team.Member).GetAsync("/api/publishing/team-members", Ct));
        var otherOffered = await Practices.ReadAsync<List<ListTeamMembers.TeamMember>>(await service.As(other, other.Third).GetAsync("/api/publishing/team-members", Ct));

        Assert.Equal(new[] { team.Coordinator, team.Member, team.Third }.Select(p => (p.MemberId, p.FullName)).Order(), offered.Select(m => (m.MemberId, m.FullName)).Order());
        Assert.Equal(new[] { other.Coordinator, other.Member, other.Third }.Select(p => p.MemberId).Order(), otherOffered.Select(m => m.MemberId).Order());
        Assert.Equal(HttpStatusCode.Forbidden, (await service.Editor().GetAsync("/api/publishing/team-members", Ct)).StatusCode);
    }
}
