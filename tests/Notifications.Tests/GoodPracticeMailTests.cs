namespace Cro.Notifications.Tests;

/// <summary>
/// The mails about a good practice: its authors hear of each step of its review (once each, however often the event comes),
/// with the reviewer's comments or the reason, and the practice's address in the catalogue once published; the JST's advisor
/// hears that a submitted practice waits for them; the JST's team hears of a proposal. The people are known by their
/// address, which erasure empties.
/// </summary>
public sealed class GoodPracticeMailTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Uri Platform = new("https://cro.example.pl/");

    private static GoodPracticePerson Person(string name) => new()
    {
        MemberId = Guid.CreateVersion7(), FullName = name, Email = $"{name.Split(' ')[0].ToLowerInvariant()}-{Guid.NewGuid():N}@gmina.example.pl",
    };

    private static IEnumerable<string> Parts(MimeKit.MimeMessage mail) =>
        [WebUtility.HtmlDecode(Assert.IsType<string>(mail.HtmlBody)), Assert.IsType<string>(mail.TextBody)];

    [Fact]
    public async Task Authors_hear_of_each_step_once_and_the_advisor_that_a_practice_waits_for_them()
    {
        await using var smtp = new FakeSmtpServer();
        await using var service = await NotificationsService.StartAsync(smtp.Port);
        var (anna, jan, advisor) = (Person("Anna Nowak"), Person("Jan Kowalski"), Person("Piotr Doradca"));
        var id = Guid.CreateVersion7();
        const string Title = "Łączność światłowodowa w szkołach";

        await service.PublishTwiceAsync(new GoodPracticeSubmitted
        {
            PracticeId = id, JstTerc = "0201011", JstName = "Bolesławiec", Title = Title, Version = 1, ReviewStage = "advisor", Topics = ["infrastructure"],
            ByPartner = false, Authors = [anna, jan], Reviewers = [advisor], PlatformUrl = Platform, SubmittedAt = DateTimeOffset.UtcNow,
        });
        await service.PublishTwiceAsync(new GoodPracticeChangesRequested
        {
            PracticeId = id, JstTerc = "0201011", JstName = "Bolesławiec", Title = Title, Version = 1, Stage = "editor",
            Comment = "Dopiszcie koszt utrzymania <sieci> & serwisu.", Authors = [anna, jan], PlatformUrl = Platform, RequestedAt = DateTimeOffset.UtcNow,
        });
        await service.PublishTwiceAsync(new GoodPracticePublished
        {
            PracticeId = id, JstTerc = "0201011", JstName = "Bolesławiec", JstKind = "rural-municipality", VoivodeshipTerc = "02", Title = Title, Version = 2,
            Topics = ["infrastructure"], TotalCost = 48_000, Authors = [anna, jan], PracticeUrl = new Uri(Platform, $"dobre-praktyki/{id}"),
            PublishedAt = DateTimeOffset.UtcNow,
        });

        foreach (var author in new[] { anna, jan })
        {
            var mails = await smtp.WaitForAsync(author.Email, 3);
            var submitted = Assert.Single(mails, m => m.Subject == $"Dobra praktyka przesłana do oceny: {Title} — Bolesławiec");
            Assert.All(Parts(submitted), part =>
            {
                Assert.Contains($"Dzień dobry, {author.FullName}!", part);
                Assert.Contains($"Dobra praktyka „{Title}” (JST Bolesławiec) została przesłana do oceny jako wersja 1.", part);
                Assert.Contains("Teraz oceni ją doradca JST, a potem redakcja ORE.", part);
                Assert.Contains("https://cro.example.pl/", part);
            });
            var changes = Assert.Single(mails, m => m.Subject == $"Prośba o poprawki w dobrej praktyce: {Title} — Bolesławiec");
            Assert.DoesNotContain("<sieci>", changes.HtmlBody);
            Assert.All(Parts(changes), part =>
            {
                Assert.Contains($"Redakcja ORE prosi o poprawki w dobrej praktyce „{Title}” (wersja 1).", part);
                Assert.Contains("Uwagi: Dopiszcie koszt utrzymania <sieci> & serwisu.", part);
                Assert.Contains("Poprawiona wersja wróci prosto do redakcji ORE.", part);
            });
            var published = Assert.Single(mails, m => m.Subject == $"Dobra praktyka opublikowana: {Title} — Bolesławiec");
            Assert.All(Parts(published), part => Assert.Contains($"https://cro.example.pl/dobre-praktyki/{id}", part));
            var stored = await Eventually.GetAsync(() => service.StoredMailToAsync(author.Email), rows => rows.Count == 3 && rows.All(r => r.Status == "sent"),
                what: "the author's mails sent");
            Assert.Equal(["practice-changes-requested", "practice-published", "practice-submitted"], stored.Select(m => m.Kind).Order());
            Assert.All(stored, m => Assert.Null(m.UserId));
        }
        var waiting = Assert.Single(await smtp.WaitForAsync(advisor.Email));
        Assert.Equal($"Dobra praktyka czeka na Twoją ocenę: {Title} — Bolesławiec", waiting.Subject);
        Assert.All(Parts(waiting), part => Assert.Contains("przekaż ją do redakcji ORE albo zwróć autorom z uwagami", part));

        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        Assert.Equal(7, smtp.Received.Count);

        // Erasure by the address empties the author's mails.
        await service.Bus.Publish(new PersonErased { UserId = Guid.CreateVersion7(), ErasedAt = DateTimeOffset.UtcNow, Email = jan.Email }, Ct);
        await Eventually.GetAsync(() => service.StoredMailToAsync(jan.Email), rows => rows.Count == 0, what: "the author's address gone");
    }

    [Fact]
    public async Task Withdrawal_passing_on_and_a_proposal_are_told_with_their_reason_and_next_step()
    {
        await using var smtp = new FakeSmtpServer();
        await using var service = await NotificationsService.StartAsync(smtp.Port);
        var (ewa, member) = (Person("Ewa Zając"), Person("Adam Członek"));
        var id = Guid.CreateVersion7();

        await service.PublishTwiceAsync(new GoodPracticeApprovedByAdvisor
        {
            PracticeId = id, JstTerc = "1201011", JstName = "Bochnia", Title = "Szkolne kluby programowania", Version = 2, Authors = [ewa],
            PlatformUrl = Platform, ApprovedAt = DateTimeOffset.UtcNow,
        });
        await service.PublishTwiceAsync(new GoodPracticeUnpublished
        {
            PracticeId = id, JstTerc = "1201011", JstName = "Bochnia", Title = "Szkolne kluby programowania", Reason = "Nieaktualne dane kontaktowe.",
            Authors = [ewa], PlatformUrl = Platform, UnpublishedAt = DateTimeOffset.UtcNow,
        });
        await service.PublishTwiceAsync(new GoodPracticeProposed
        {
            ProposalId = Guid.CreateVersion7(), JstTerc = "1201011", JstName = "Bochnia", Title = "Wypożyczalnia laptopów",
            Description = "Inne gminy pytały o regulamin.", ProposedByName = "Tomasz Trener", ProposedByRole = "trainer", Team = [ewa, member],
            PlatformUrl = Platform, ProposedAt = DateTimeOffset.UtcNow,
        });

        var mails = await smtp.WaitForAsync(ewa.Email, 3);
        Assert.All(Parts(Assert.Single(mails, m => m.Subject == "Doradca przekazał dobrą praktykę do redakcji ORE: Szkolne kluby programowania — Bochnia")),
            part => Assert.Contains("Redakcja ORE opublikuje ją w katalogu dobrych praktyk albo poprosi o zmiany.", part));
        Assert.All(Parts(Assert.Single(mails, m => m.Subject == "Dobra praktyka wycofana z katalogu: Szkolne kluby programowania — Bochnia")),
            part => Assert.Contains("Powód: Nieaktualne dane kontaktowe.", part));
        var proposal = Assert.Single(mails, m => m.Subject == "Propozycja opisania dobrej praktyki — Bochnia");
        Assert.All(Parts(proposal), part =>
        {
            Assert.Contains("Tomasz Trener (trener) proponuje, by JST Bochnia opisała jako dobrą praktykę: „Wypożyczalnia laptopów”.", part);
            Assert.Contains("Dlaczego warto: Inne gminy pytały o regulamin.", part);
        });
        Assert.Single(await smtp.WaitForAsync(member.Email));
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        Assert.Equal(4, smtp.Received.Count);
    }
}
