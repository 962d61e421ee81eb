using Cro.Publishing.Features.PersonalData;
using Cro.Publishing.Features.Practices;

namespace Cro.Publishing.Tests;

/// <summary>
/// Personal data in good practices (RODO): a person sees what publishing holds about them, and their erasure removes their
/// name and address from the practices that name them — the text being written, every version, the catalogue, the mails not
/// yet sent — while the practices, their versions and reviews stay.
/// </summary>
public sealed class ErasureTests(PublishingService service) : IClassFixture<PublishingService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_person_reads_what_names_them_and_their_erasure_leaves_the_practices_without_their_name_and_address()
    {
        var team = await service.JstWithTeamAsync("1401011", "Garwolin", "urban-municipality", "mazowieckie");
        var janId = Guid.CreateVersion7();
        var jan = service.As(team, team.Member, janId);
        var template = Practices.Complete(title: "Cyfrowy sekretariat szkół", authors: [new AuthorInput(team.Coordinator.MemberId)]) with
        {
            Contacts = [new PracticeContact(team.Member.FullName, "informatyk", team.Member.Email, "+48 600 000 000"), new PracticeContact("Inna Osoba", Email: "inna@gmina.example.pl")],
        };
        var practice = await Practices.PublishedAsync(service, team, template);
        // Jan started it (the lead author) only in this second practice, still a draft.
        var draft = await Practices.StartAsync(jan, Practices.Complete(title: "Szkolna sieć Wi-Fi"));

        var mine = await Practices.ReadAsync<MyPersonalData.HeldData>(await jan.GetAsync("/api/publishing/me/personal-data", Ct));
        Assert.Equal(janId, mine.PersonId);
        Assert.Equal(
            [("Cyfrowy sekretariat szkół", "contact", true), ("Szkolna sieć Wi-Fi", "author", false)],
            mine.Practices.Select(p => (p.Title, p.Role, p.NamePublished)).Order());
        Assert.Equal("+48 600 000 000", mine.Practices.Single(p => p.Role == "contact").Phone);

        await service.PublishTwiceAsync(new PersonErased { UserId = janId, ErasedAt = DateTimeOffset.UtcNow, Email = team.Member.Email });

        var published = await Eventually.GetAsync(
            async () => await Practices.ReadAsync<PublishedPractice>(await service.Anonymous.GetAsync($"/api/publishing/catalogue/practices/{practice.Id}", Ct)),
            p => p.Contacts[0].FullName == "Osoba usunięta", what: "the contact erased in the catalogue");
        Assert.Equal(("Osoba usunięta", null, null, "informatyk"), (published.Contacts[0].FullName, published.Contacts[0].Email, published.Contacts[0].Phone,
            published.Contacts[0].Position));
        Assert.Equal("Inna Osoba", published.Contacts[1].FullName);
        var editor = service.Editor();
        var version = await Practices.ReadAsync<PracticeVersionView>(await editor.GetAsync($"/api/publishing/practices/{practice.Id}/versions/1", Ct));
        Assert.Equal("Osoba usunięta", version.Template.Contacts![0].FullName);
        var draftNow = await Practices.ReadAsync<PracticeView>(await editor.GetAsync($"/api/publishing/practices/{draft.Id}", Ct));
        Assert.Equal(("Osoba usunięta", (string?)null, true), (draftNow.Authors[0].FullName, draftNow.Authors[0].Email, draftNow.Authors[0].Lead));
        Assert.Equal("Cyfrowy sekretariat szkół", (await Practices.ReadAsync<PracticeView>(await editor.GetAsync($"/api/publishing/practices/{practice.Id}", Ct)))
            .Template.Title);
        // Nothing here knows their address any more: not the team, not a practice, not an event.
        Assert.Empty(await service.QueryAsync<string>("""
            SELECT 'team' FROM team_members WHERE lower(email) = lower(@email)
            UNION ALL SELECT 'practice' FROM practices WHERE strpos(lower(authors::text || template::text), lower(@email)) > 0
            UNION ALL SELECT 'version' FROM practice_versions WHERE strpos(lower(authors::text || template::text), lower(@email)) > 0
            UNION ALL SELECT 'catalogue' FROM published_practices WHERE strpos(lower(document::text), lower(@email)) > 0
            UNION ALL SELECT 'event' FROM outbox_messages WHERE strpos(lower(payload::text), lower(@email)) > 0
            """, new { email = team.Member.Email }));
    }
}
