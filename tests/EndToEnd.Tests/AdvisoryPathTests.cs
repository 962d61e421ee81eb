using System.Globalization;
using static Cro.EndToEnd.Tests.PageReload;

namespace Cro.EndToEnd.Tests;

/// <summary>
/// Advisory in a real browser, through the gateway: a JST accepted in recruitment and an advisor invited by ORE; the operator
/// registers the advisor and assigns them to the JST's team from the suggestion; the advisor publishes a week with a stretch
/// starting in a few minutes (after the service refused it once without the online link); a team member books its first free
/// slot and plans a dialogue meeting; once the meeting has begun the advisor records it as held, and the indicator "Liczba
/// JST objętych działaniami doradczymi" of the round goes from none to one. Every page of the way is checked against WCAG
/// 2.1 AA and for anything its Content-Security-Policy refused.
/// </summary>
public sealed class AdvisoryPathTests(PlatformFixture platform, BrowserFixture browser)
{
    // Kodeń (gmina wiejska, lubelskie), a JST no other browser test applies for.
    private const string Terc = "0601062";
    private const string Jst = "Kodeń";
    private const string AdvisorName = "Barbara Doradcza";

    [Fact]
    public async Task An_operator_assigns_an_advisor_the_team_books_a_free_slot_the_advisor_records_it_held_and_the_JST_counts_as_covered()
    {
        var advisorEmail = $"doradca.{Guid.NewGuid():N}@ore.test";
        var admin = await Invitations.InviteAsync(platform, browser, AdvisorName, advisorEmail, "doradca", null);
        var round = $"Nabór doradztwa {Guid.NewGuid():N}"[..26];
        var roundId = await PublicApplications.OpenRoundAsync(platform, admin, round);
        var applied = await PublicApplications.AcceptedAsync(platform, admin, roundId, Terc, Jst);
        var member = await Invitations.AcceptAsync(browser, platform, await Invitations.AcceptLinkAsync(platform, applied.Emails[0]),
            "kodeńska bazylika nad bugiem");
        var advisor = await Invitations.AcceptAsync(browser, platform, await Invitations.AcceptLinkAsync(platform, advisorEmail),
            "doradca z kalendarzem w ręku");

        await AdvisorAssignment.RegisterAsync(admin, advisorEmail, AdvisorName, "lubelskie");
        await AdvisorAssignment.AssignFromTheSuggestionAsync(admin, roundId, Jst, AdvisorName);

        // The operator's list of advisories: the JST with its advisor and the round's whole budget left.
        await admin.GetByRole(AriaRole.Link, new() { Name = "Doradztwa JST" }).ClickAsync();
        var engagement = admin.GetByTestId("engagements").GetByRole(AriaRole.Row).Filter(new() { HasText = Jst });
        await Assertions.Expect(engagement).ToContainTextAsync(AdvisorName);
        await Assertions.Expect(engagement).ToContainTextAsync("zostało: 40 h z 40 h");
        await Accessibility.AssertNoWcagViolationsAsync(admin);

        // Before any meeting is held, the round has no JST covered by advisory.
        await admin.GotoAsync($"/administracja/wskazniki?nabor={roundId}");
        await Assertions.Expect(admin.GetByTestId("advisory")).ToContainTextAsync("Liczba JST objętych działaniami doradczymi");
        await Assertions.Expect(admin.GetByTestId("advisory-figures")).Not.ToContainTextAsync("JST objęte doradztwem: 1");
        await Accessibility.AssertNoWcagViolationsAsync(admin);

        var menu = advisor.GetByRole(AriaRole.Navigation, new() { Name = "Menu główne" });
        await menu.GetByRole(AriaRole.Link, new() { Name = "Moje JST" }).ClickAsync();
        await Assertions.Expect(advisor.GetByTestId("engagements")).ToContainTextAsync(Jst);
        await Accessibility.AssertNoWcagViolationsAsync(advisor);
        await PublishAvailabilityAsync(advisor, StretchStart());

        var startsAt = await BookFirstFreeSlotAsync(member);
        await PlanDialogueMeetingAsync(member);
        await PlanOpenDebateAndRegisterAsync(member, await browser.NewPageAsync(platform.GatewayAddress));

        // Once the meeting has begun, it waits on the advisor's calendar to be recorded as held.
        var until = startsAt - PlatformTime.Now + TimeSpan.FromSeconds(2);
        if (until > TimeSpan.Zero)
        {
            await Task.Delay(until, TestContext.Current.CancellationToken);
        }
        await RecordHeldAsync(advisor);

        // The JST's advisory page: the meeting held, the burn-down drawn.
        await advisor.GetByRole(AriaRole.Link, new() { Name = $"Wróć do doradztwa: {Jst}" }).ClickAsync();
        await Assertions.Expect(advisor.GetByTestId("engagement-meetings")).ToContainTextAsync("odbyte");
        await Assertions.Expect(advisor.GetByRole(AriaRole.Img, new() { NameRegex = new("^Wykres spalania godzin") })).ToBeVisibleAsync();
        await Accessibility.AssertNoWcagViolationsAsync(advisor);

        // The indicator counts the JST in its round (from advisory's event).
        await admin.GotoAsync($"/administracja/wskazniki?nabor={roundId}");
        await ReloadUntilVisibleAsync(admin, admin.GetByTestId("advisory-figures").Filter(new() { HasText = "JST objęte doradztwem: 1;" }));
        await Assertions.Expect(admin.GetByTestId("advisory-figures")).ToContainTextAsync("spotkań odbytych: 1");
        await Accessibility.AssertNoWcagViolationsAsync(admin);
    }

    /// <summary>
    /// A stretch of an hour today from <paramref name="start"/>, online, 15-minute meetings without breaks or notice; first
    /// without the online link, which the service refuses beside its field; then a day away tomorrow morning.
    /// </summary>
    private static async Task PublishAvailabilityAsync(IPage advisor, DateTime start)
    {
        await advisor.GetByRole(AriaRole.Link, new() { Name = "Moja dostępność" }).ClickAsync();
        await Accessibility.AssertNoWcagViolationsAsync(advisor);
        var weekday = ((int)start.DayOfWeek + 6) % 7 + 1;
        await advisor.GetByLabel("Przedział 1: dzień", new() { Exact = true }).SelectOptionAsync(weekday.ToString(CultureInfo.InvariantCulture));
        await advisor.GetByLabel("Przedział 1: od", new() { Exact = true }).FillAsync(Clock(start));
        await advisor.GetByLabel("Przedział 1: do", new() { Exact = true }).FillAsync(Clock(start.AddHours(1)));
        await advisor.GetByLabel("Przedział 1: forma", new() { Exact = true }).SelectOptionAsync("online");
        await FillAsync(advisor, ("Długość spotkania (minuty)", "15"), ("Przerwa przed (minuty)", "0"), ("Przerwa po (minuty)", "0"),
            ("Minimalne wyprzedzenie (godziny)", "0"), ("Horyzont rezerwacji (dni)", "14"), ("Link do spotkań online", ""));
        await advisor.GetByRole(AriaRole.Button, new() { Name = "Zapisz dostępność" }).ClickAsync();
        await Assertions.Expect(advisor.GetByRole(AriaRole.Alert)).ToContainTextAsync("Podaj link do spotkań online");
        await Assertions.Expect(advisor.Locator("#online-link-error")).ToContainTextAsync("Podaj link do spotkań online");
        await Accessibility.AssertNoWcagViolationsAsync(advisor);

        await advisor.GetByLabel("Link do spotkań online").FillAsync("https://spotkania.example.pl/doradztwo");
        await advisor.GetByRole(AriaRole.Button, new() { Name = "Zapisz dostępność" }).ClickAsync();
        await Assertions.Expect(advisor.GetByRole(AriaRole.Status)).ToContainTextAsync("Zapisano dostępność: przedziałów w tygodniu 1");

        var tomorrow = start.Date.AddDays(1);
        await advisor.GetByLabel("Od (czas warszawski)").FillAsync(LocalInput(tomorrow.AddHours(8)));
        await advisor.GetByLabel("Do (czas warszawski)").FillAsync(LocalInput(tomorrow.AddHours(12)));
        await advisor.GetByLabel("Powód").FillAsync("szkolenie doradców");
        await advisor.GetByRole(AriaRole.Button, new() { Name = "Dodaj nieobecność" }).ClickAsync();
        await Assertions.Expect(advisor.GetByRole(AriaRole.Status)).ToContainTextAsync("Dodano nieobecność");
        await Accessibility.AssertNoWcagViolationsAsync(advisor);
    }

    /// <summary>The team member books the first free slot from "Mój doradca"; returns when it starts.</summary>
    private static async Task<DateTimeOffset> BookFirstFreeSlotAsync(IPage member)
    {
        await member.GetByRole(AriaRole.Link, new() { Name = "Mój doradca" }).ClickAsync();
        await Assertions.Expect(member.GetByTestId("my-advisor")).ToContainTextAsync(AdvisorName);
        await Accessibility.AssertNoWcagViolationsAsync(member);
        await member.GetByRole(AriaRole.Link, new() { Name = "Zarezerwuj spotkanie" }).ClickAsync();
        await Accessibility.AssertNoWcagViolationsAsync(member);
        var slot = member.Locator("fieldset.slots input[type=radio]").First;
        var startsAt = DateTimeOffset.Parse((await slot.GetAttributeAsync("value"))!, CultureInfo.InvariantCulture);
        await slot.CheckAsync();
        await member.GetByLabel("Temat spotkania").FillAsync("Ankieta diagnozy w szkołach gminy");
        await member.GetByLabel("diagnoza", new() { Exact = true }).CheckAsync();
        await member.GetByRole(AriaRole.Button, new() { Name = "Zarezerwuj spotkanie" }).ClickAsync();
        await Assertions.Expect(member.GetByRole(AriaRole.Status)).ToContainTextAsync("Zarezerwowano spotkanie");
        await Accessibility.AssertNoWcagViolationsAsync(member);
        return startsAt;
    }

    private static async Task PlanDialogueMeetingAsync(IPage member)
    {
        await member.GotoAsync("/moj-doradca");
        await Assertions.Expect(member.GetByTestId("upcoming-meetings")).ToContainTextAsync("Ankieta diagnozy w szkołach gminy");
        await member.GetByRole(AriaRole.Link, new() { Name = "Spotkania dialogowe i debaty oświatowe" }).ClickAsync();
        await Accessibility.AssertNoWcagViolationsAsync(member);
        var when = PlatformTime.WarsawNow.Date.AddDays(3).AddHours(17);
        await member.GetByLabel("spotkanie dialogowe", new() { Exact = true }).CheckAsync();
        await member.GetByLabel("Temat", new() { Exact = true }).FillAsync("Cyfrowa szkoła w Kodniu");
        await member.GetByLabel("Początek (czas warszawski)").FillAsync(LocalInput(when));
        await member.GetByLabel("Miejsce").FillAsync("Gminny Ośrodek Kultury w Kodniu");
        await member.GetByLabel("nauczyciele", new() { Exact = true }).FillAsync("12");
        await member.GetByLabel("rodzice", new() { Exact = true }).FillAsync("20");
        await member.GetByRole(AriaRole.Button, new() { Name = "Zaplanuj", Exact = true }).ClickAsync();
        await Assertions.Expect(member.GetByRole(AriaRole.Status)).ToContainTextAsync("Zaplanowano: spotkanie dialogowe");
        await member.GetByTestId("dialogue-meetings").GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(member.GetByRole(AriaRole.Table, new() { Name = "Zaproszeni interesariusze" })).ToContainTextAsync("32");
        await Assertions.Expect(member.GetByTestId("dialogue-status")).ToHaveTextAsync("zaplanowane");
        await Accessibility.AssertNoWcagViolationsAsync(member);
    }

    /// <summary>The team plans a debate open to registration; a visitor registers through its link without an account.</summary>
    private static async Task PlanOpenDebateAndRegisterAsync(IPage member, IPage visitor)
    {
        await member.GotoAsync("/moj-doradca");
        await member.GetByRole(AriaRole.Link, new() { Name = "Spotkania dialogowe i debaty oświatowe" }).ClickAsync();
        var when = PlatformTime.WarsawNow.Date.AddDays(4).AddHours(18);
        await member.GetByLabel("debata oświatowa", new() { Exact = true }).CheckAsync();
        await member.GetByLabel("Temat", new() { Exact = true }).FillAsync("Szkoła w sieci: debata dla rodziców");
        await member.GetByLabel("Początek (czas warszawski)").FillAsync(LocalInput(when));
        await member.GetByLabel("Miejsce").FillAsync("Szkoła Podstawowa w Kodniu, sala gimnastyczna");
        await member.GetByLabel("rodzice", new() { Exact = true }).FillAsync("40");
        await member.GetByLabel("Debata z otwartą rejestracją").CheckAsync();
        await member.GetByLabel("Liczba miejsc").FillAsync("30");
        await member.GetByRole(AriaRole.Button, new() { Name = "Zaplanuj", Exact = true }).ClickAsync();
        await Assertions.Expect(member.GetByRole(AriaRole.Status)).ToContainTextAsync("Zaplanowano: debata oświatowa");
        await member.GetByTestId("dialogue-meetings").GetByRole(AriaRole.Row).Filter(new() { HasText = "Szkoła w sieci: debata dla rodziców" })
            .GetByRole(AriaRole.Link).ClickAsync();
        var link = await member.GetByTestId("registration-link").GetAttributeAsync("href");

        await visitor.GotoAsync(link!);
        await Assertions.Expect(visitor.GetByTestId("debate")).ToContainTextAsync("30 z 30");
        await Accessibility.AssertNoWcagViolationsAsync(visitor);
        await visitor.GetByLabel("Imię i nazwisko", new() { Exact = true }).FillAsync("Marta Rodzic");
        await visitor.GetByLabel("Adres e-mail", new() { Exact = true }).FillAsync($"marta.{Guid.NewGuid():N}@rodzice.test");
        await visitor.GetByLabel("rodzice", new() { Exact = true }).CheckAsync();
        await visitor.GetByLabel("Zgadzam się na przetwarzanie").CheckAsync();
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Zgłaszam się" }).ClickAsync();
        await Assertions.Expect(visitor.GetByTestId("registered")).ToContainTextAsync("Zgłoszenie przyjęte.");
        await Accessibility.AssertNoWcagViolationsAsync(visitor);
        await member.ReloadAsync();
        await Assertions.Expect(member.GetByText("zapisanych 1 z 30 miejsc")).ToBeVisibleAsync();
    }

    private static async Task RecordHeldAsync(IPage advisor)
    {
        await advisor.GotoAsync("/doradca/kalendarz");
        var toRecord = advisor.GetByTestId("meetings-to-record");
        await Assertions.Expect(toRecord).ToContainTextAsync(Jst);
        await Accessibility.AssertNoWcagViolationsAsync(advisor);
        await toRecord.GetByRole(AriaRole.Link).First.ClickAsync();
        await Accessibility.AssertNoWcagViolationsAsync(advisor);
        await advisor.GetByLabel("Anna Nowak (koordynator)").CheckAsync();
        await FillAsync(advisor, ("Osoba 1: imię i nazwisko", "Maria Wójcik"), ("Osoba 1: rola", "dyrektor szkoły"),
            ("Notatki", "Omówiliśmy ankietę diagnozy dla trzech szkół."),
            ("Ustalone kolejne kroki", "Dyrektorzy zbiorą dane o sprzęcie do końca miesiąca."));
        await advisor.GetByRole(AriaRole.Button, new() { Name = "Zapisz jako odbyte" }).ClickAsync();
        await Assertions.Expect(advisor.GetByRole(AriaRole.Status)).ToContainTextAsync("Zapisano spotkanie jako odbyte");
        await Assertions.Expect(advisor.GetByTestId("meeting-status")).ToHaveTextAsync("odbyte");
        await Assertions.Expect(advisor.GetByTestId("meeting-facts")).ToContainTextAsync("Maria Wójcik, dyrektor szkoły");
        await Accessibility.AssertNoWcagViolationsAsync(advisor);
    }

    /// <summary>Fills each field named by its label with its value.</summary>
    private static async Task FillAsync(IPage page, params (string Label, string Value)[] fields)
    {
        foreach (var (label, value) in fields)
        {
            await page.GetByLabel(label).FillAsync(value);
        }
    }

    private static string Clock(DateTime local) => local.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>What a datetime-local field takes: "2026-05-12T08:00".</summary>
    private static string LocalInput(DateTime local) => local.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    /// <summary>
    /// A Warsaw wall-clock minute four or five minutes ahead on the platform's clock; the run's clock is a morning
    /// (<see cref="PlatformTime"/>), so the hour after it is the same day, as a stretch of the week needs.
    /// </summary>
    private static DateTime StretchStart()
    {
        var now = PlatformTime.WarsawNow;
        return new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, DateTimeKind.Unspecified).AddMinutes(5);
    }
}
