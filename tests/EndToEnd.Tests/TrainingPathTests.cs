using System.Globalization;
using System.Text.RegularExpressions;
using static Cro.EndToEnd.Tests.PageReload;

namespace Cro.EndToEnd.Tests;

/// <summary>
/// The training in a real browser, through the gateway: a JST accepted in recruitment is enrolled; an
/// operator gives each module a question, forms a cohort and schedules its sessions; the participant takes
/// the pre-test before the sessions, the trainer marks them present, and after the sessions the participant
/// passes each module's post-test; the five modules complete the training, and the certificate's number
/// verifies on the public page. Every page of the way is checked against WCAG 2.1 AA.
/// </summary>
public sealed partial class TrainingPathTests(PlatformFixture platform, BrowserFixture browser)
{
    /// <summary>The seeded programme's modules and their hours; a session counts for at most 8 here, so 16 takes two.</summary>
    private static readonly (string Code, int Sessions)[] Modules = [("M1", 2), ("M2", 1), ("M3", 2), ("M4", 2), ("M5", 1)];

    private static readonly TimeZoneInfo Warsaw = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");

    [Fact]
    public async Task A_participant_takes_the_tests_is_marked_present_completes_the_training_and_the_certificate_verifies_publicly()
    {
        var admin = await SignInFlow.AdministratorAsync(platform, browser);
        var round = $"Nabór szkoleniowy {Guid.NewGuid():N}"[..28];
        var roundId = await PublicApplications.OpenRoundAsync(platform, admin, round);
        var applied = await PublicApplications.AcceptedAsync(platform, admin, roundId, "0201022", "Bolesławiec");
        var participant = await Invitations.AcceptAsync(browser, platform, await Invitations.AcceptLinkAsync(platform, applied.Emails[0]), "bolesławiecka ceramika w kropki");

        foreach (var (code, _) in Modules)
        {
            await AddQuestionAsync(admin, code);
        }

        // The accepted team waits to be placed (it arrives by event); the operator forms a cohort with the administrator as its trainer.
        await admin.GotoAsync("/administracja/szkolenia");
        await ReloadUntilVisibleAsync(admin, admin.GetByLabel("Bolesławiec", new() { Exact = true }));
        await Accessibility.AssertNoWcagViolationsAsync(admin);
        await admin.GetByLabel("Nazwa grupy").FillAsync($"Grupa {round}");
        await admin.GetByLabel("Bolesławiec", new() { Exact = true }).CheckAsync();
        await admin.Locator("#cohort-trainer-0-email").FillAsync(PlatformFixture.AdminEmail);
        await admin.Locator("#cohort-trainer-0-name").FillAsync("Administrator");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Utwórz grupę" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("Utworzono grupę");
        var cohortPage = admin.Url;

        // Every session starts in two minutes or so and lasts one minute, counting 8 hours: scheduling and the pre-test come
        // before it, and the marks before it ends (a mark after the end would be a correction, which needs a reason).
        var startsAt = TimeZoneInfo.ConvertTime(PlatformTime.Now.AddMinutes(2.5), Warsaw);
        startsAt = startsAt.AddSeconds(-startsAt.Second).AddMilliseconds(-startsAt.Millisecond);
        foreach (var (code, sessions) in Modules)
        {
            for (var i = 0; i < sessions; i++)
            {
                await ScheduleAsync(admin, code, startsAt);
            }
        }
        await Accessibility.AssertNoWcagViolationsAsync(admin);

        // The participant takes M1's pre-test before the sessions, and answers wrong.
        await participant.GotoAsync("/moje-szkolenie");
        await Accessibility.AssertNoWcagViolationsAsync(participant);
        var preScore = await TakeTestAsync(participant, "Rozpocznij pre-test — pre-test, M1", "Nie");
        Assert.Equal("Wynik: 0 z 1 pkt", preScore);

        // The trainer marks the participant present at every session.
        await admin.GotoAsync(cohortPage);
        var sheets = await admin.GetByRole(AriaRole.Link, new() { Name = "Lista obecności" }).EvaluateAllAsync<string[]>("links => links.map(a => a.href)");
        Assert.Equal(8, sheets.Length);
        foreach (var sheet in sheets)
        {
            await admin.GotoAsync(sheet);
            await admin.GetByRole(AriaRole.Row).Filter(new() { HasText = "Anna Nowak" }).GetByLabel("obecny(-a)", new() { Exact = true }).CheckAsync();
            await admin.GetByRole(AriaRole.Button, new() { Name = "Zapisz obecność" }).ClickAsync();
            await Assertions.Expect(admin.GetByRole(AriaRole.Status).First).ToContainTextAsync("Zapisano");
        }
        await Accessibility.AssertNoWcagViolationsAsync(admin);

        // After the sessions the post-tests open: the participant passes all five.
        var until = startsAt.AddMinutes(1).AddSeconds(5) - PlatformTime.Now;
        if (until > TimeSpan.Zero)
        {
            await Task.Delay(until, TestContext.Current.CancellationToken);
        }
        foreach (var (code, _) in Modules)
        {
            await participant.GotoAsync("/moje-szkolenie");
            Assert.Equal("Wynik: 1 z 1 pkt", await TakeTestAsync(participant, $"Rozpocznij post-test — post-test, {code}", "Tak"));
        }
        await Accessibility.AssertNoWcagViolationsAsync(participant);

        // The certificate: on "Moje szkolenie", and valid on the public page, which anyone opens.
        await participant.GotoAsync("/moje-szkolenie");
        var heading = participant.GetByRole(AriaRole.Heading, new() { NameRegex = CertificateHeading() });
        await Assertions.Expect(heading).ToBeVisibleAsync();
        var number = CertificateHeading().Match(await heading.InnerTextAsync()).Groups[1].Value;
        var visitor = await browser.NewPageAsync(platform.GatewayAddress);
        await visitor.GotoAsync("/zaswiadczenia/weryfikacja");
        await visitor.GetByLabel("Numer zaświadczenia").FillAsync(number);
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Sprawdź" }).ClickAsync();
        await Assertions.Expect(visitor.GetByText($"Zaświadczenie nr {number} jest ważne.")).ToBeVisibleAsync();
        await Accessibility.AssertNoWcagViolationsAsync(visitor);

        // The programme's indicators count her (a woman; the round's targets are 2 women and 1 man) as supported and as having raised her competences.
        await admin.GotoAsync($"/administracja/wskazniki?nabor={roundId}");
        await ReloadUntilVisibleAsync(admin, admin.GetByTestId("raised").GetByText("1 z 2 (50%)"));
        await Assertions.Expect(admin.GetByTestId("supported")).ToContainTextAsync("1 z 2 (50%)");
        await Accessibility.AssertNoWcagViolationsAsync(admin);

        // Each completed module sends her its survey; she answers one from the mailed link, without signing in, and only once.
        var survey = await MailedLinks.FindAsync(platform, applied.Emails[0], "Ankieta po module szkolenia", SurveyLink());
        var respondent = await browser.NewPageAsync(platform.GatewayAddress);
        await respondent.GotoAsync(survey);
        await Accessibility.AssertNoWcagViolationsAsync(respondent);
        var best = respondent.GetByLabel("5", new() { Exact = true });
        for (var i = await best.CountAsync() - 1; i >= 0; i--)
        {
            await best.Nth(i).CheckAsync();
        }
        await respondent.GetByLabel("odpowiednie", new() { Exact = true }).CheckAsync();
        await respondent.GetByLabel(new Regex("^Co było dla Ciebie najcenniejsze")).FillAsync("Przykłady z innych gmin.");
        await respondent.GetByRole(AriaRole.Button, new() { Name = "Wyślij odpowiedzi" }).ClickAsync();
        await Assertions.Expect(respondent.GetByTestId("survey-thanks")).ToBeVisibleAsync();
        await Accessibility.AssertNoWcagViolationsAsync(respondent);
        await respondent.GotoAsync(survey);
        await Assertions.Expect(respondent.GetByTestId("survey-refused")).ToBeVisibleAsync();

        // ORE's report of the module: one answer is a group too small to show anything of.
        await admin.GotoAsync("/administracja/ankiety");
        await Accessibility.AssertNoWcagViolationsAsync(admin);
        await admin.GotoAsync("/administracja/ankiety/raport/M1");
        await Assertions.Expect(admin.GetByTestId("too-few").First).ToContainTextAsync("za mało odpowiedzi (n < 5)");
        await Accessibility.AssertNoWcagViolationsAsync(admin);
    }

    /// <summary>One single-choice question, "Tak" right and "Nie" wrong, in the module's bank.</summary>
    private static async Task AddQuestionAsync(IPage admin, string code)
    {
        await admin.GotoAsync($"/administracja/szkolenia/moduly/{code}/pytania");
        await admin.GetByLabel("Efekt uczenia się, który sprawdza pytanie").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await admin.GetByLabel("Treść pytania").FillAsync($"Czy moduł {code} dotyczy cyfryzacji szkół?");
        await admin.GetByLabel("Wyjaśnienie poprawnej odpowiedzi").FillAsync("Cały program dotyczy cyfryzacji oświaty.");
        await admin.GetByLabel("Odpowiedź 1", new() { Exact = true }).FillAsync("Tak");
        await admin.GetByLabel("Odpowiedź 1 jest poprawna").CheckAsync();
        await admin.GetByLabel("Odpowiedź 2", new() { Exact = true }).FillAsync("Nie");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Dodaj pytanie" }).ClickAsync();
        await Assertions.Expect(admin.GetByText($"Czy moduł {code} dotyczy cyfryzacji szkół?").First).ToBeVisibleAsync();
    }

    private static async Task ScheduleAsync(IPage admin, string code, DateTimeOffset startsAt)
    {
        static string Local(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        await admin.GetByLabel("Moduł", new() { Exact = true }).SelectOptionAsync(code);
        await admin.GetByLabel("Początek").FillAsync(Local(startsAt));
        await admin.GetByLabel("Koniec").FillAsync(Local(startsAt.AddMinutes(1)));
        await admin.GetByLabel("stacjonarna", new() { Exact = true }).CheckAsync();
        await admin.GetByLabel("Miejsce (adres, sala)").FillAsync("Urząd Gminy Bolesławiec, sala 3");
        await admin.GetByLabel("Liczba miejsc").FillAsync("20");
        await admin.GetByLabel("Godziny liczone do frekwencji").FillAsync("8");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Zaplanuj zajęcia" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync($"Zaplanowano zajęcia: {code}");
    }

    /// <summary>Starts the test with the button named <paramref name="start"/>, answers its one question, finishes; returns the score line.</summary>
    private static async Task<string> TakeTestAsync(IPage page, string start, string answer)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = start }).ClickAsync();
        await Accessibility.AssertNoWcagViolationsAsync(page);
        await page.GetByLabel(answer, new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Zapisz odpowiedź" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Zakończ test" }).ClickAsync();
        var score = page.GetByText(ScoreLine());
        await Assertions.Expect(score).ToBeVisibleAsync();
        return ScoreLine().Match(await score.InnerTextAsync()).Value;
    }

    [GeneratedRegex(@"Zaświadczenie nr (CRO\/\d{4}\/\d+)")]
    private static partial Regex CertificateHeading();

    [GeneratedRegex(@"https?://\S+/ankiety/[A-Za-z0-9_\-]+")]
    private static partial Regex SurveyLink();

    [GeneratedRegex(@"Wynik: \d+ z \d+ pkt")]
    private static partial Regex ScoreLine();
}
