using System.Text.RegularExpressions;

namespace Cro.EndToEnd.Tests;

/// <summary>
/// A conference in a real browser, through the gateway: ORE adds a draft with a workshop in its agenda and publishes it; a
/// person from a JST, without an account, finds it in the menu, picks their JST from the registry, names a need (a Polish
/// sign-language interpreter) and registers; the mailed link opens their own page, where a button (not the link) confirms
/// the registration and the ticket's QR code appears; ORE sees the person among the registrations and the interpreter in
/// the needs to prepare for. Every page is checked against WCAG 2.1 AA and for anything its Content-Security-Policy refused.
/// </summary>
public sealed partial class ConferenceRegistrationTests(PlatformFixture platform, BrowserFixture browser)
{
    private static readonly TimeZoneInfo Warsaw = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");

    [Fact]
    public async Task ORE_publishes_a_conference_a_person_registers_without_an_account_confirms_by_the_mailed_link_and_ORE_sees_their_need()
    {
        var title = $"Konferencja wymiany doświadczeń {Guid.NewGuid():N}"[..44];
        var email = $"uczestniczka.{Guid.NewGuid():N}@jst.example.pl";
        var admin = await SignInFlow.AdministratorAsync(platform, browser);
        await PublishAsync(admin, title);

        // The person: no account, the menu, the conference's page, the form.
        var person = await browser.NewPageAsync(platform.GatewayAddress);
        await person.GotoAsync("/");
        await person.GetByRole(AriaRole.Navigation, new() { Name = "Menu główne" }).GetByRole(AriaRole.Link, new() { Name = "Konferencje", Exact = true }).ClickAsync();
        await Accessibility.AssertNoWcagViolationsAsync(person);
        await person.GetByRole(AriaRole.Link, new() { Name = title }).First.ClickAsync();
        await Assertions.Expect(person.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await Assertions.Expect(person.GetByRole(AriaRole.Rowheader, new() { Name = "Warsztat: plan cyfryzacji szkół" })).ToBeVisibleAsync();
        await Accessibility.AssertNoWcagViolationsAsync(person);
        await person.GetByLabel("Imię i nazwisko").FillAsync("Helena Uczestniczka");
        await person.GetByLabel("Adres e-mail").FillAsync(email);
        await person.GetByLabel("kobieta", new() { Exact = true }).CheckAsync();
        await person.GetByLabel("Nazwa JST do wyszukania").FillAsync("Kodeń");
        await person.GetByRole(AriaRole.Button, new() { Name = "Wyszukaj JST" }).ClickAsync();
        await person.GetByLabel(new Regex("^Kodeń")).First.CheckAsync();
        await Accessibility.AssertNoWcagViolationsAsync(person);
        await person.GetByLabel("Stanowisko lub funkcja").FillAsync("sekretarz gminy");
        await person.GetByLabel(new Regex("tłumacz.*migowego", RegexOptions.IgnoreCase)).CheckAsync();
        await person.GetByLabel(new Regex("\\(wymagana\\)$")).First.CheckAsync();
        await person.GetByRole(AriaRole.Button, new() { Name = "Wyślij zgłoszenie" }).ClickAsync();
        await Assertions.Expect(person.GetByRole(AriaRole.Heading, new() { Name = "Sprawdź pocztę i potwierdź zgłoszenie" })).ToBeVisibleAsync();
        await Accessibility.AssertNoWcagViolationsAsync(person);

        // The mailed link opens the person's own page; confirming is a button there.
        var link = await MailedLinks.FindAsync(platform, email, "Potwierdź zgłoszenie na konferencję", ParticipantLink());
        await person.GotoAsync(link);
        await Assertions.Expect(person.GetByTestId("registration-status")).ToContainTextAsync(title);
        await Accessibility.AssertNoWcagViolationsAsync(person);
        await person.GetByRole(AriaRole.Button, new() { Name = "Potwierdzam zgłoszenie" }).ClickAsync();
        var ticket = person.GetByTestId("ticket").GetByRole(AriaRole.Img);
        await Assertions.Expect(ticket).ToBeVisibleAsync();
        var image = await person.APIRequest.GetAsync((await ticket.GetAttributeAsync("src"))!);
        Assert.True(image.Ok, $"The ticket's QR code answered {image.Status}: {await image.TextAsync()}");
        Assert.Equal("image/png", image.Headers["content-type"]);
        await Accessibility.AssertNoWcagViolationsAsync(person);

        // ORE: the person among the registrations, the interpreter among the needs.
        await admin.GetByRole(AriaRole.Link, new() { Name = "Zgłoszenia" }).First.ClickAsync();
        await Assertions.Expect(admin.GetByText("Helena Uczestniczka")).ToBeVisibleAsync();
        await Accessibility.AssertNoWcagViolationsAsync(admin);
        await admin.GetByRole(AriaRole.Link, new() { Name = "Potrzeby uczestników" }).First.ClickAsync();
        await Assertions.Expect(admin.GetByTestId("needs-counts").GetByRole(AriaRole.Row).Filter(new() { HasTextRegex = new Regex("migowego", RegexOptions.IgnoreCase) }))
            .ToContainTextAsync("1");
        await Accessibility.AssertNoWcagViolationsAsync(admin);
    }

    /// <summary>ORE adds the draft with a workshop of 20 seats, then publishes it; registration open from an hour ago.</summary>
    private static async Task PublishAsync(IPage admin, string title)
    {
        static string Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Warsaw).ToString("yyyy-MM-ddTHH:mm");
        var starts = PlatformTime.Now.UtcDateTime.AddDays(30).Date.AddHours(8);
        await admin.GetByRole(AriaRole.Link, new() { Name = "Konferencje (obsługa)" }).ClickAsync();
        await Accessibility.AssertNoWcagViolationsAsync(admin);
        await admin.GetByLabel("Tytuł", new() { Exact = true }).First.FillAsync(title);
        await admin.GetByLabel("Opis", new() { Exact = true }).First.FillAsync("Samorządy dzielą się doświadczeniami z cyfryzacji szkół.");
        await admin.GetByLabel("Początek", new() { Exact = true }).First.FillAsync(Local(starts));
        await admin.GetByLabel("Koniec", new() { Exact = true }).First.FillAsync(Local(starts.AddDays(1).AddHours(6)));
        await admin.GetByLabel("Adres i budynek").FillAsync("Warszawa, ul. Aleje Ujazdowskie 28");
        await admin.GetByLabel("Liczba miejsc", new() { Exact = true }).FillAsync("100");
        await admin.GetByLabel("Otwarcie zapisów").FillAsync(Local(PlatformTime.Now.AddHours(-1)));
        await admin.GetByLabel("Zamknięcie zapisów").FillAsync(Local(starts.AddDays(-2)));
        await admin.GetByRole(AriaRole.Button, new() { Name = "Dodaj konferencję (szkic)" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await Accessibility.AssertNoWcagViolationsAsync(admin);

        var row = admin.GetByTestId("agenda-row").First;
        await row.GetByLabel("Tytuł sesji").FillAsync("Warsztat: plan cyfryzacji szkół");
        await row.GetByLabel("Początek").FillAsync(Local(starts.AddHours(2)));
        await row.GetByLabel("Koniec").FillAsync(Local(starts.AddHours(4)));
        await row.GetByLabel("Liczba miejsc w sesji").FillAsync("20");
        await row.GetByLabel("Prelegenci").FillAsync("Anna Prelegentka; Ośrodek Rozwoju Edukacji");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Zapisz konferencję i program" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Opublikuj konferencję" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Button, new() { Name = "Opublikuj konferencję" })).Not.ToBeVisibleAsync();
        await Accessibility.AssertNoWcagViolationsAsync(admin);
    }

    [GeneratedRegex(@"https?://\S+/konferencje/zgloszenie/[A-Za-z0-9_\-]+")]
    private static partial Regex ParticipantLink();
}
