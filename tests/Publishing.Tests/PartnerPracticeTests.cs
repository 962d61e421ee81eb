using System.Text.Json;
using Cro.Publishing.Features.Practices;

namespace Cro.Publishing.Tests;

/// <summary>
/// The partner association writes good practices on behalf of its member JST through the API, with the scope
/// practices.write (a token without it is refused, naming the scope, and writes nothing): it starts a practice for a JST
/// of the registry (in the programme or not), names its authors, attaches files, submits it, follows its review and
/// revises it when asked, and reads it, once published, in the catalogue like anyone. A client sees only its own.
/// </summary>
public sealed class PartnerPracticeTests(PublishingService service) : IClassFixture<PublishingService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_partner_writes_submits_and_revises_a_practice_for_a_member_JST_and_reads_it_published()
    {
        // A member JST of the association that is not in the programme: no team, no advisor here.
        await service.RegisterJstAsync("08", "lubuskie", "voivodeship");
        await service.RegisterJstAsync("0802", "Powiat krośnieński", "county");
        var partner = service.Partner();
        var template = Practices.Complete(title: "Powiatowe centrum wsparcia nauczycieli w cyfryzacji", authors:
        [
            new AuthorInput(null, "Marek Starosta", "marek.starosta@powiat.example.pl"),
            new AuthorInput(null, "Irena Oświatowa", "irena@powiat.example.pl"),
        ]);

        var draft = await Practices.ReadAsync<PracticeView>(await partner.PostAsJsonAsync("/api/publishing/partner/jst/0802/practices", template, Ct),
            HttpStatusCode.Created);
        Assert.Equal(("0802", "draft", true), (draft.JstTerc, draft.Status, draft.ByPartner));
        Assert.Equal(["Marek Starosta", "Irena Oświatowa"], draft.Authors.Select(a => a.FullName));
        var photo = await partner.PostAsync($"/api/publishing/partner/practices/{draft.Id}/files",
            Practices.Upload(Practices.Png(), "warsztaty.png", "photo", "Nauczyciele na warsztatach z tablicą interaktywną"), Ct);
        Assert.Equal(HttpStatusCode.Created, photo.StatusCode);
        var submitted = await Practices.ReadAsync<PracticeView>(await partner.PostAsJsonAsync($"/api/publishing/partner/practices/{draft.Id}/submit", new { }, Ct));
        Assert.Equal(("submitted", 1), (submitted.Status, submitted.Round));
        var announced = Assert.Single(await service.EventsAsync("GoodPracticeSubmitted", e => e.GetProperty("practiceId").GetGuid() == draft.Id));
        Assert.True(announced.GetProperty("byPartner").GetBoolean());
        Assert.Equal(["irena@powiat.example.pl", "marek.starosta@powiat.example.pl"],
            announced.GetProperty("authors").EnumerateArray().Select(p => p.GetProperty("email").GetString()).Order());

        // No advisor here: ORE reviews in the advisor's place, then asks for changes at the editorial stage.
        var editor = service.Editor();
        await Practices.PostAsync(editor, draft.Id, "approve");
        await Practices.PostAsync(editor, draft.Id, "request-changes", new { comment = "Dodajcie liczbę przeszkolonych nauczycieli." });
        var returned = await Practices.ReadAsync<PracticeView>(await partner.GetAsync($"/api/publishing/partner/practices/{draft.Id}", Ct));
        Assert.Equal(("changes-requested", "Dodajcie liczbę przeszkolonych nauczycieli."), (returned.Status, returned.Reviews[^1].Comment));
        var revised = await Practices.ReadAsync<PracticeView>(await partner.PutAsJsonAsync(
            $"/api/publishing/partner/practices/{draft.Id}?revision={returned.Revision}",
            returned.Template with { Effects = "Przeszkoliliśmy 140 nauczycieli z 12 szkół." }, Ct));
        Assert.Equal(["Marek Starosta", "Irena Oświatowa"], revised.Authors.Select(a => a.FullName));
        var again = await Practices.ReadAsync<PracticeView>(await partner.PostAsJsonAsync($"/api/publishing/partner/practices/{draft.Id}/submit", new { }, Ct));
        Assert.Equal(("editor-review", 2), (again.Status, again.Round));
        await Practices.PostAsync(editor, draft.Id, "publish");

        // Published: anyone, the partner among them, reads it in the catalogue; the partner's list shows where its practices stand.
        var published = await Practices.ReadAsync<PublishedPractice>(await partner.GetAsync($"/api/publishing/catalogue/practices/{draft.Id}", Ct));
        Assert.Equal(("Przeszkoliliśmy 140 nauczycieli z 12 szkół.", "Powiat krośnieński", "county"), (published.Effects, published.Jst.Name, published.Jst.Kind));
        Assert.Equal("Nauczyciele na warsztatach z tablicą interaktywną", Assert.Single(published.Photos).AltText);
        var list = await Practices.ReadAsync<ListPractices.Page>(await partner.GetAsync("/api/publishing/partner/practices", Ct));
        Assert.Equal([(draft.Id, "published")], list.Items.Select(i => (i.Id, i.Status)));
    }

    [Fact]
    public async Task Without_practices_write_the_partner_is_refused_naming_the_scope_and_nothing_is_written()
    {
        await service.RegisterJstAsync("0803", "Powiat międzyrzecki", "county");
        var reader = service.Partner("zpp-reader", "indicators.read");
        var before = await service.RowCountsAsync();

        var refused = await reader.PostAsJsonAsync("/api/publishing/partner/jst/0803/practices", Practices.Complete(), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("practices.write", JsonSerializer.Deserialize<JsonElement>(await refused.Content.ReadAsStringAsync(Ct)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync("/api/publishing/partner/practices", Ct)).StatusCode);
        // With the scope, a client still writes nothing of a team's: the team's operations are for people of the JST.
        Assert.Equal(HttpStatusCode.Forbidden, (await service.Partner().PostAsJsonAsync("/api/publishing/practices", Practices.Complete(), Ct)).StatusCode);
        Assert.Equal(before, await service.RowCountsAsync());
        // …and the catalogue is open to it as to anyone.
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/publishing/catalogue/practices", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_client_sees_and_changes_only_its_own_practices_and_names_a_JST_of_the_registry()
    {
        await service.RegisterJstAsync("0804", "Powiat nowosolski", "county");
        var (mine, theirs) = (service.Partner("zpp-a"), service.Partner("zpp-b"));
        var draft = await Practices.ReadAsync<PracticeView>(await mine.PostAsJsonAsync("/api/publishing/partner/jst/0804/practices",
            Practices.Complete(authors: [new AuthorInput(null, "Ola Autorka", "ola@powiat.example.pl")]), Ct), HttpStatusCode.Created);
        var before = await service.RowCountsAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await theirs.GetAsync($"/api/publishing/partner/practices/{draft.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.PutAsJsonAsync($"/api/publishing/partner/practices/{draft.Id}?revision={draft.Revision}",
            draft.Template, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.PostAsJsonAsync($"/api/publishing/partner/practices/{draft.Id}/submit", new { }, Ct)).StatusCode);
        Assert.Empty((await Practices.ReadAsync<ListPractices.Page>(await theirs.GetAsync("/api/publishing/partner/practices", Ct))).Items);
        Assert.Equal(HttpStatusCode.NotFound, (await mine.PostAsJsonAsync("/api/publishing/partner/jst/9999999/practices", Practices.Complete(), Ct)).StatusCode);
        Assert.Equal(before, await service.RowCountsAsync());
    }

    [Fact]
    public async Task A_save_repeated_under_its_idempotency_key_returns_the_first_answer_and_saves_once()
    {
        await service.RegisterJstAsync("0804", "Powiat nowosolski", "county");
        // A client of its own, so its practice stays out of the other tests' lists.
        var partner = service.Partner("zpp-retrying", "practices.write");
        var draft = await Practices.ReadAsync<PracticeView>(await partner.PostAsJsonAsync("/api/publishing/partner/jst/0804/practices",
            Practices.Complete(), Ct), HttpStatusCode.Created);
        var path = $"/api/publishing/partner/practices/{draft.Id}?revision={draft.Revision}";
        var key = Guid.NewGuid().ToString();

        var first = await partner.SendAsync(Keyed(HttpMethod.Put, path, draft.Template with { Effects = "Pierwsza wersja efektów." }, key), Ct);
        // Without the key the repeat would meet the next revision (409); with it, the client learns how its save went.
        var repeat = await partner.SendAsync(Keyed(HttpMethod.Put, path, draft.Template with { Effects = "Pierwsza wersja efektów." }, key), Ct);
        var before = await service.RowCountsAsync();
        var otherBody = await partner.SendAsync(Keyed(HttpMethod.Put, path, draft.Template with { Effects = "Inna treść." }, key), Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(Ct), await repeat.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, otherBody.StatusCode);
        Assert.Equal(before, await service.RowCountsAsync());
        var saved = await Practices.ReadAsync<PracticeView>(await partner.GetAsync($"/api/publishing/partner/practices/{draft.Id}", Ct));
        Assert.Equal(("Pierwsza wersja efektów.", draft.Revision + 1), (saved.Template.Effects, saved.Revision));
    }

    private static HttpRequestMessage Keyed(HttpMethod method, string path, object body, string key)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }
}
