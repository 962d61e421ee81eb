using System.Globalization;
using System.Text.RegularExpressions;
using MimeKit;

namespace Cro.EndToEnd.Tests;

/// <summary>
/// The recruitment in a real browser, through the gateway: an administrator opens a round at
/// /administracja/nabory; an anonymous visitor applies for a real JST of the TERC register step by step
/// (the draft's link comes by e-mail, the submission is confirmed by e-mail); the administrator accepts
/// the application on the round's page and every person of the team is invited to the platform.
/// Every page of the way is checked against WCAG 2.1 AA, except in the browser that runs no script
/// (axe-core is a script): that one shows the form needs none.
/// </summary>
public sealed partial class ApplicationFormTests(PlatformFixture platform, BrowserFixture browser)
{
    private static readonly TimeSpan MailWait = TimeSpan.FromSeconds(60);

    private sealed record Person(string FullName, string Email, string Position, string SexLabel);

    [Fact]
    public async Task Visitor_applies_step_by_step_and_the_accepted_team_is_invited_to_the_platform()
    {
        var round = RoundName();
        var admin = await SignInFlow.AdministratorAsync(platform, browser);
        await CreateOpenRoundAsync(admin, round);
        var (coordinator, members) = NewTeam("gromadka");

        var page = await browser.NewPageAsync(platform.GatewayAddress);
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Nabory", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Nabory");
        await Accessibility.AssertNoWcagViolationsAsync(page);
        await OpenApplicationFormAsync(page, round);

        await ChooseJstBySearchAsync(page, "Gromadka", "0201032", checkAccessibility: true);
        await FillCoordinatorAsync(page, coordinator, checkAccessibility: true);

        // Leaving step 2 started the draft: the page says where its link went, and the link is the page's own address.
        await ExpectStepAsync(page, "Krok 3 z 5: Zespół zadaniowy");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Łącze do niej wysłaliśmy na adres {coordinator.Email}");
        var link = await DraftLinkAsync(coordinator.Email, "Gromadka");
        Assert.StartsWith(new Uri(link).PathAndQuery, new Uri(page.Url).PathAndQuery);

        // The e-mailed link resumes the draft where it stopped: the team.
        await page.GotoAsync(link);
        await ExpectStepAsync(page, "Krok 3 z 5: Zespół zadaniowy");
        await FillMemberAsync(page, 2, members[0]);
        await FillMemberAsync(page, 3, members[1]);
        await Accessibility.AssertNoWcagViolationsAsync(page);
        await SaveAndContinueAsync(page);

        await FillFactsAsync(page, schools: "6", checkAccessibility: true);

        await ExpectStepAsync(page, "Krok 5 z 5: Sprawdzenie i złożenie");
        await Assertions.Expect(page.Locator("#wniosek-krok-1")).ToContainTextAsync("0201032");
        await Assertions.Expect(page.Locator("#wniosek-krok-2")).ToContainTextAsync(coordinator.Email);
        await Assertions.Expect(page.Locator("#wniosek-krok-3")).ToContainTextAsync(members[0].Email);
        await Assertions.Expect(page.Locator("#wniosek-krok-3")).ToContainTextAsync(members[1].Email);
        await Assertions.Expect(page.Locator("#wniosek-krok-4")).ToContainTextAsync("wersja z");
        await Accessibility.AssertNoWcagViolationsAsync(page);
        await SubmitAsync(page, coordinator);
        await Accessibility.AssertNoWcagViolationsAsync(page);
        await Assertions.Expect(page.GetByText("Punkty")).ToHaveCountAsync(0);
        await MailAsync(coordinator.Email, "Potwierdzenie złożenia wniosku");

        // The administrator accepts it on the round's page.
        await admin.GetByRole(AriaRole.Link, new() { Name = "Nabory (obsługa)" }).ClickAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = round, Exact = true }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(round);
        await Assertions.Expect(admin.GetByTestId("statistics")).ToContainTextAsync("0 z 5 miejsc");
        var row = admin.GetByRole(AriaRole.Row).Filter(new() { HasText = "Gromadka" });
        await Assertions.Expect(row).ToContainTextAsync("złożony, czeka na decyzję");
        await Assertions.Expect(row).ToContainTextAsync("3 os. (2 K / 1 M)");
        await Assertions.Expect(row).ToContainTextAsync("gmina wiejska");
        await Accessibility.AssertNoWcagViolationsAsync(admin);
        // Acceptance mails the team, so it asks first, naming them, on the application's page.
        await row.GetByRole(AriaRole.Button, new() { Name = "Przyjmij" }).ClickAsync();
        await Assertions.Expect(admin.GetByTestId("accept-recipients")).ToContainTextAsync(coordinator.Email);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Potwierdź: przyjmij wniosek JST Gromadka" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status).Filter(new() { HasText = "Zapisano decyzję" }))
            .ToHaveTextAsync("Zapisano decyzję: JST Gromadka — przyjęty.");
        await admin.GetByRole(AriaRole.Link, new() { Name = $"Wróć do naboru: {round}" }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("przyjęty");
        await Assertions.Expect(admin.GetByTestId("statistics")).ToContainTextAsync("1 z 5 miejsc");
        await Accessibility.AssertNoWcagViolationsAsync(admin);

        // The operators' export: one row per team member, the accepted JST among them.
        var export = await admin.RunAndWaitForDownloadAsync(() => admin.GetByRole(AriaRole.Link, new() { Name = "Pobierz CSV" }).ClickAsync());
        var csv = await File.ReadAllLinesAsync((await export.PathAsync())!, TestContext.Current.CancellationToken);
        Assert.StartsWith("teryt,jst,rodzaj", csv[0].TrimStart('\uFEFF'));
        Assert.Equal(3, csv.Count(line => line.StartsWith("0201032,Gromadka,", StringComparison.Ordinal)));

        // Every person of the accepted team, the coordinator too, is invited to the platform.
        foreach (var person in members.Prepend(coordinator))
        {
            await MailAsync(person.Email, "Zaproszenie do platformy");
        }
    }

    [Fact]
    public async Task A_team_of_two_is_refused_on_submit_with_the_servers_message_beside_the_team_and_goes_through_with_a_third_person()
    {
        var round = RoundName();
        var admin = await SignInFlow.AdministratorAsync(platform, browser);
        await CreateOpenRoundAsync(admin, round);
        var (coordinator, members) = NewTeam("warta");

        var page = await browser.NewPageAsync(platform.GatewayAddress);
        await page.GotoAsync("/nabory");
        await OpenApplicationFormAsync(page, round);
        await ExpectStepAsync(page, "Krok 1 z 5: JST");

        // A TERC code of the wrong kind is refused beside the field; the right one is taken.
        await page.GetByLabel("Kod TERC JST").FillAsync("0201011");
        await page.GetByRole(AriaRole.Button, new() { Name = "Dalej" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("ten rodzaj JST nie może składać wniosku w tym naborze");
        await Assertions.Expect(page.Locator("#jst-terc-error")).ToContainTextAsync("Bolesławiec to gmina miejska");
        await Assertions.Expect(page.GetByLabel("Kod TERC JST")).ToHaveAttributeAsync("aria-invalid", "true");
        await Accessibility.AssertNoWcagViolationsAsync(page);
        await page.GetByLabel("Kod TERC JST").FillAsync("0201062");
        await page.GetByRole(AriaRole.Button, new() { Name = "Dalej" }).ClickAsync();

        await FillCoordinatorAsync(page, coordinator, checkAccessibility: false);
        await ExpectStepAsync(page, "Krok 3 z 5: Zespół zadaniowy");
        await page.GetByRole(AriaRole.Button, new() { Name = "Usuń osobę 3" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Osoba 3" })).ToHaveCountAsync(0);
        await FillMemberAsync(page, 2, members[0]);
        await SaveAndContinueAsync(page);
        await FillFactsAsync(page, schools: "3", checkAccessibility: false);

        await ExpectStepAsync(page, "Krok 5 z 5: Sprawdzenie i złożenie");
        await page.GetByRole(AriaRole.Button, new() { Name = "Złóż wniosek" }).ClickAsync();
        var message = "Zespół zadaniowy liczy od 3 do 4 osób (teraz: 2).";
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Wniosek nie został złożony");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Link, new() { Name = message })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#wniosek-krok-3-error")).ToHaveTextAsync($"Błąd: {message}");
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Błąd: "));
        await Accessibility.AssertNoWcagViolationsAsync(page);

        // From the message's section to the team step, a third person, and the application goes through.
        await page.Locator("#wniosek-krok-3").GetByRole(AriaRole.Link, new() { Name = "Zmień" }).ClickAsync();
        await ExpectStepAsync(page, "Krok 3 z 5: Zespół zadaniowy");
        await page.GetByRole(AriaRole.Button, new() { Name = "Dodaj osobę" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Dodano miejsce na osobę 3");
        await FillMemberAsync(page, 3, members[1]);
        await SaveAndContinueAsync(page);
        await ExpectStepAsync(page, "Krok 4 z 5: Informacje i oświadczenia");
        await Assertions.Expect(page.GetByLabel("Liczba szkół prowadzonych przez JST")).ToHaveValueAsync("3");
        await SaveAndContinueAsync(page);
        await ExpectStepAsync(page, "Krok 5 z 5: Sprawdzenie i złożenie");
        await SubmitAsync(page, coordinator);
        await MailAsync(coordinator.Email, "Potwierdzenie złożenia wniosku");
    }

    [Fact]
    public async Task The_form_works_in_a_browser_without_JavaScript()
    {
        var round = RoundName();
        var admin = await SignInFlow.AdministratorAsync(platform, browser);
        await CreateOpenRoundAsync(admin, round);
        var (coordinator, members) = NewTeam("nowogrodziec");
        var third = new Person("Tomasz Wiśniewski", $"tomasz.{Guid.NewGuid():N}@nowogrodziec.test", "informatyk", "wolę nie podawać");

        var page = await browser.NewPageAsync(platform.GatewayAddress, javaScriptEnabled: false);
        await page.GotoAsync("/nabory");
        await OpenApplicationFormAsync(page, round);
        await ChooseJstBySearchAsync(page, "nowogrodziec", "0201043", checkAccessibility: false);
        await FillCoordinatorAsync(page, coordinator, checkAccessibility: false);
        await ExpectStepAsync(page, "Krok 3 z 5: Zespół zadaniowy");
        await FillMemberAsync(page, 2, members[0]);
        await FillMemberAsync(page, 3, members[1]);
        // Adding a row is a plain submit too; what was typed stays.
        await page.GetByRole(AriaRole.Button, new() { Name = "Dodaj osobę" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Osoba 2" }).GetByLabel("Adres e-mail")).ToHaveValueAsync(members[0].Email);
        await FillMemberAsync(page, 4, third);
        await SaveAndContinueAsync(page);
        await FillFactsAsync(page, schools: "9", checkAccessibility: false);
        await ExpectStepAsync(page, "Krok 5 z 5: Sprawdzenie i złożenie");
        await Assertions.Expect(page.Locator("#wniosek-krok-3")).ToContainTextAsync("W zespole jest 4 os.");
        await SubmitAsync(page, coordinator);
        await MailAsync(coordinator.Email, "Potwierdzenie złożenia wniosku");
    }

    private static string RoundName() => $"Nabór E2E {Guid.NewGuid():N}"[..22];

    private static (Person Coordinator, Person[] Members) NewTeam(string jst)
    {
        var run = Guid.NewGuid().ToString("N")[..10];
        return (new Person("Anna Nowak", $"anna.{run}@{jst}.test", "sekretarz gminy", "kobieta"),
        [
            new Person("Jan Kowalski", $"jan.{run}@{jst}.test", "naczelnik wydziału oświaty", "mężczyzna"),
            new Person("Ewa Zielińska", $"ewa.{run}@{jst}.test", "dyrektorka szkoły", "kobieta"),
        ]);
    }


    /// <summary>A round open from yesterday for a month (Warsaw time, as the form takes it), 5 places, rural and urban-rural gminy.</summary>
    internal static async Task CreateOpenRoundAsync(IPage admin, string name)
    {
        var warsaw = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");
        string Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, warsaw).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

        await admin.GetByRole(AriaRole.Link, new() { Name = "Nabory (obsługa)" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Nabory — obsługa");
        await Accessibility.AssertNoWcagViolationsAsync(admin);
        await admin.GetByLabel("Nazwa naboru").FillAsync(name);
        await admin.GetByLabel("Otwarcie naboru").FillAsync(Local(PlatformTime.Now.AddDays(-1)));
        await admin.GetByLabel("Zamknięcie naboru").FillAsync(Local(PlatformTime.Now.AddMonths(1)));
        await admin.GetByLabel("Liczba miejsc (JST)").FillAsync("5");
        await admin.GetByLabel("gmina wiejska", new() { Exact = true }).CheckAsync();
        await admin.GetByLabel("gmina miejsko-wiejska", new() { Exact = true }).CheckAsync();
        await admin.GetByLabel("Kobiety").FillAsync("2");
        await admin.GetByLabel("Mężczyźni").FillAsync("1");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Utwórz nabór" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync($"Utworzono nabór {name}");
        var row = admin.GetByRole(AriaRole.Row).Filter(new() { HasText = name });
        await Assertions.Expect(row).ToContainTextAsync("trwa — przyjmuje wnioski");
        await Assertions.Expect(row).ToContainTextAsync("gmina wiejska, gmina miejsko-wiejska");
        await Accessibility.AssertNoWcagViolationsAsync(admin);
    }

    private static async Task OpenApplicationFormAsync(IPage page, string round)
    {
        var section = page.GetByRole(AriaRole.Region, new() { Name = round });
        await Assertions.Expect(section).ToContainTextAsync("trwa — przyjmuje wnioski");
        await Assertions.Expect(section).ToContainTextAsync("od 3 do 4 osób");
        await section.GetByRole(AriaRole.Link, new() { Name = "Złóż wniosek" }).ClickAsync();
    }

    private static async Task ExpectStepAsync(IPage page, string heading) =>
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);

    private static async Task ChooseJstBySearchAsync(IPage page, string query, string terc, bool checkAccessibility)
    {
        await ExpectStepAsync(page, "Krok 1 z 5: JST");
        if (checkAccessibility)
        {
            await Accessibility.AssertNoWcagViolationsAsync(page);
        }
        await page.GetByLabel("Nazwa JST lub kod TERC").FillAsync(query);
        await page.GetByRole(AriaRole.Button, new() { Name = "Szukaj" }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = terc });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        if (checkAccessibility)
        {
            await Accessibility.AssertNoWcagViolationsAsync(page);
        }
        await row.GetByRole(AriaRole.Button, new() { Name = "Wybierz" }).ClickAsync();
    }

    private static async Task FillCoordinatorAsync(IPage page, Person coordinator, bool checkAccessibility)
    {
        await ExpectStepAsync(page, "Krok 2 z 5: Koordynator zespołu");
        if (checkAccessibility)
        {
            await Accessibility.AssertNoWcagViolationsAsync(page);
        }
        await page.GetByLabel("Imię i nazwisko").FillAsync(coordinator.FullName);
        await page.GetByLabel("Adres e-mail").FillAsync(coordinator.Email);
        await page.GetByLabel("Stanowisko").FillAsync(coordinator.Position);
        await page.GetByLabel("Telefon").FillAsync("+48 75 734 10 10");
        await page.GetByLabel(coordinator.SexLabel, new() { Exact = true }).CheckAsync();
        await SaveAndContinueAsync(page);
    }

    /// <summary>Fills "Osoba n" of the team step (the coordinator is person 1).</summary>
    private static async Task FillMemberAsync(IPage page, int number, Person person)
    {
        var row = page.GetByRole(AriaRole.Group, new() { Name = $"Osoba {number}", Exact = true });
        await row.GetByLabel("Imię i nazwisko").FillAsync(person.FullName);
        await row.GetByLabel("Adres e-mail").FillAsync(person.Email);
        await row.GetByLabel("Stanowisko").FillAsync(person.Position);
        await row.GetByLabel(person.SexLabel, new() { Exact = true }).CheckAsync();
    }

    private static async Task FillFactsAsync(IPage page, string schools, bool checkAccessibility)
    {
        await ExpectStepAsync(page, "Krok 4 z 5: Informacje i oświadczenia");
        await page.GetByLabel("Liczba szkół prowadzonych przez JST").FillAsync(schools);
        await page.GetByRole(AriaRole.Group, new() { Name = "Czy JST brała już udział" }).GetByLabel("nie", new() { Exact = true }).CheckAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Klauzula informacyjna" })).ToHaveAttributeAsync("href", "/konto/klauzula-informacyjna");
        await page.GetByLabel("Zapoznałem(-am) się z klauzulą informacyjną").CheckAsync();
        await page.GetByLabel("JST zobowiązuje się do udziału w całym cyklu wsparcia").CheckAsync();
        await page.GetByLabel("JST zgadza się na publikację swoich dobrych praktyk").CheckAsync();
        if (checkAccessibility)
        {
            await Accessibility.AssertNoWcagViolationsAsync(page);
        }
        await SaveAndContinueAsync(page);
    }

    private static Task SaveAndContinueAsync(IPage page) =>
        page.GetByRole(AriaRole.Button, new() { Name = "Zapisz i przejdź dalej" }).ClickAsync();

    /// <summary>Submits on the review step and lands on the confirmation, which names the coordinator's address.</summary>
    private static async Task SubmitAsync(IPage page, Person coordinator)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Złóż wniosek" }).ClickAsync();
        await ExpectStepAsync(page, "Wniosek złożony");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Potwierdzenie wysłaliśmy na adres {coordinator.Email}");
        await Assertions.Expect(page.GetByText("złożony, czeka na decyzję")).ToBeVisibleAsync();
    }

    /// <summary>The link of the draft's e-mail to the coordinator, which goes through the gateway.</summary>
    private async Task<string> DraftLinkAsync(string coordinatorEmail, string jstName)
    {
        var mail = await MailAsync(coordinatorEmail, $"Wniosek JST {jstName}");
        var link = DraftLink().Match(mail.TextBody ?? "").Value;
        Assert.StartsWith(platform.GatewayAddress.ToString(), link);
        return link;
    }

    private async Task<MimeMessage> MailAsync(string address, string subject)
    {
        var mails = await Eventually.GetAsync(() => Task.FromResult(platform.Mail.ReceivedBy(address)),
            received => received.Any(m => m.Subject?.Contains(subject, StringComparison.Ordinal) == true), MailWait, what: $"“{subject}” to {address}");
        return mails.First(m => m.Subject?.Contains(subject, StringComparison.Ordinal) == true);
    }

    [GeneratedRegex(@"https?://\S+/wniosek/[0-9a-f-]{36}\?klucz=[A-Za-z0-9_-]+")]
    private static partial Regex DraftLink();
}
