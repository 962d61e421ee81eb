using System.Text.RegularExpressions;

namespace Cro.EndToEnd.Tests;

/// <summary>
/// The consultation of the programme's concept in a real browser, through the gateway: ORE drafts version 2 of the published
/// concept and opens its consultation for a JST representative invited by e-mail; the representative, without an account,
/// comments on the section on advisory from the mailed link; ORE closes the consultation, writes version 3 with the change,
/// accepts the comment with a link to that section and publishes version 3; the public concept page shows version 3 and its
/// revision log, whose entry leads back to the comment. Every page is checked against WCAG 2.1 AA.
/// </summary>
public sealed partial class ConceptConsultationTests(PlatformFixture platform, BrowserFixture browser)
{
    private static readonly TimeZoneInfo Warsaw = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");
    private const string Concept = "Koncepcja programu Cyfrowy Rozwój Oświaty";
    private const string Change = "Doradca odpowiada na pytania zespołu zadaniowego w ciągu dwóch dni roboczych.";

    [Fact]
    public async Task ORE_consults_a_draft_of_the_concept_decides_the_comment_and_the_published_version_logs_the_change_from_it()
    {
        var email = $"przedstawiciel.{Guid.NewGuid():N}@jst.example.pl";
        var admin = await SignInFlow.AdministratorAsync(platform, browser);

        // ORE: version 2 as a draft, its consultation open today only, the representative invited.
        await admin.GetByRole(AriaRole.Link, new() { Name = "Dokumenty programu" }).ClickAsync();
        await Accessibility.AssertNoWcagViolationsAsync(admin);
        await admin.GetByTestId("documents").GetByRole(AriaRole.Link, new() { Name = Concept }).ClickAsync();
        await admin.GetByLabel("Co się zmieniło", new() { Exact = false }).First.FillAsync("Projekt do konsultacji z przedstawicielami JST.");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Zapisz projekt" }).ClickAsync();
        await Assertions.Expect(admin.GetByTestId("status")).ToBeVisibleAsync();
        var draft = await admin.GetByTestId("versions").GetByRole(AriaRole.Rowheader).AllInnerTextsAsync();
        var version = draft.Select(int.Parse).Max();
        var today = PlatformTime.WarsawNow.ToString("yyyy-MM-dd");
        await admin.GetByLabel("Pierwszy dzień konsultacji").FillAsync(today);
        await admin.GetByLabel("Ostatni dzień konsultacji").FillAsync(today);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Otwórz konsultacje" }).ClickAsync();
        await Accessibility.AssertNoWcagViolationsAsync(admin);
        var documentPage = admin.Url;
        await admin.GetByRole(AriaRole.Link, new() { NameRegex = new Regex($"^konsultacje wersji {version}") }).ClickAsync();
        var consultationPage = admin.Url;
        await admin.GetByLabel(new Regex("^Adresy e-mail")).FillAsync(email);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Wyślij zaproszenia" }).ClickAsync();
        await Assertions.Expect(admin.GetByTestId("invitations")).ToContainTextAsync(email);
        await Accessibility.AssertNoWcagViolationsAsync(admin);

        // The representative: the mailed link, the version by sections, a comment on "Doradztwo".
        var link = await MailedLinks.FindAsync(platform, email, "Zaproszenie do konsultacji:", ConsultationLink());
        var representative = await browser.NewPageAsync(platform.GatewayAddress);
        await representative.GotoAsync(link);
        await Accessibility.AssertNoWcagViolationsAsync(representative);
        await representative.GetByLabel("Twoja uwaga do sekcji „Doradztwo”").FillAsync("Prosimy określić, jak szybko doradca odpowiada na pytania zespołu.");
        await representative.GetByRole(AriaRole.Button, new() { Name = "Wyślij uwagę do sekcji „Doradztwo”" }).ClickAsync();
        await Assertions.Expect(representative.GetByTestId("comment-received")).ToBeVisibleAsync();
        await Assertions.Expect(representative.GetByTestId("own-comments")).ToContainTextAsync("jak szybko doradca odpowiada");
        await Accessibility.AssertNoWcagViolationsAsync(representative);

        // ORE closes the consultation and writes the next version with the change.
        await admin.GotoAsync(consultationPage);
        await Assertions.Expect(admin.GetByTestId("comment-1")).ToContainTextAsync("jak szybko doradca odpowiada");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Zakończ konsultacje" }).ClickAsync();
        await admin.GotoAsync(documentPage);
        var text = admin.GetByLabel("Treść projektu (Markdown)");
        await text.FillAsync((await text.InputValueAsync()).Replace("## Doradztwo", $"## Doradztwo\n\n{Change}", StringComparison.Ordinal));
        await admin.GetByLabel("Co się zmieniło", new() { Exact = false }).First.FillAsync("Czas odpowiedzi doradcy.");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Zapisz projekt" }).ClickAsync();
        await Assertions.Expect(admin.GetByTestId("versions").GetByRole(AriaRole.Rowheader, new() { Name = $"{version + 1}", Exact = true })).ToBeVisibleAsync();

        // The decision: accepted, the change in the next version's section on advisory.
        await admin.GotoAsync(consultationPage);
        await admin.GetByRole(AriaRole.Group, new() { Name = "Rozstrzygnięcie: Uwaga 1" }).GetByLabel("uwzględniona", new() { Exact = true }).CheckAsync();
        await admin.GetByLabel(new Regex("^Uzasadnienie: Uwaga 1")).FillAsync("Dodaliśmy czas odpowiedzi.");
        await admin.GetByLabel(new Regex("^Wersja ze zmianą: Uwaga 1")).FillAsync($"{version + 1}");
        await admin.GetByLabel(new Regex("^Sekcja ze zmianą \\(adres sekcji\\): Uwaga 1")).FillAsync("doradztwo");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Zapisz rozstrzygnięcie: Uwaga 1" }).ClickAsync();
        await Assertions.Expect(admin.GetByTestId("undecided")).ToHaveTextAsync("0");
        await Accessibility.AssertNoWcagViolationsAsync(admin);

        // Publishing the next version, its log entry from the comment.
        await admin.GotoAsync(documentPage);
        var entry = admin.GetByTestId("rev0");
        await Assertions.Expect(entry).ToContainTextAsync("jak szybko doradca odpowiada");
        await entry.GetByLabel(new Regex("^Co się zmieniło \\(wpis 1\\)")).FillAsync("Dodano czas odpowiedzi doradcy.");
        await entry.GetByLabel(new Regex("^Dlaczego \\(wpis 1\\)")).FillAsync("Tak prosili przedstawiciele JST.");
        await admin.GetByRole(AriaRole.Button, new() { Name = $"Opublikuj wersję {version + 1}" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Button, new() { Name = $"Opublikuj wersję {version + 1}" })).Not.ToBeVisibleAsync();

        // Anyone: the published concept with the change, and its log leading back to the comment.
        var visitor = await browser.NewPageAsync(platform.GatewayAddress);
        await visitor.GotoAsync("/koncepcja");
        await Assertions.Expect(visitor.GetByTestId("document-version")).ToContainTextAsync($"wersja {version + 1}");
        await Assertions.Expect(visitor.GetByTestId("document-text")).ToContainTextAsync(Change);
        var log = visitor.GetByTestId("revision-log");
        await Assertions.Expect(log).ToContainTextAsync("Dodano czas odpowiedzi doradcy.");
        await log.GetByRole(AriaRole.Link, new() { Name = "Uwaga 1" }).ClickAsync();
        await Assertions.Expect(visitor.GetByTestId("consultation-decisions")).ToContainTextAsync("jak szybko doradca odpowiada");
        await Accessibility.AssertNoWcagViolationsAsync(visitor);
    }

    [GeneratedRegex(@"https?://\S+/konsultacje-koncepcji/[A-Za-z0-9_\-]+")]
    private static partial Regex ConsultationLink();
}
