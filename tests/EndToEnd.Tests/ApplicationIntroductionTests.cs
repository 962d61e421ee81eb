using System.Text;

namespace Cro.EndToEnd.Tests;

/// <summary>
/// What an official meets before and at the start of the form: the round's rules as a PDF the operator
/// attached (linked from "Nabory" and the form), what applying takes, a JST that already applied told so
/// when it is chosen (with the operator's contact), and an address without a full domain refused.
/// Every page is checked against WCAG 2.1 AA.
/// </summary>
public sealed class ApplicationIntroductionTests(PlatformFixture platform, BrowserFixture browser)
{
    private static readonly byte[] RulesPdf = Encoding.ASCII.GetBytes("%PDF-1.4\n% Regulamin naboru\ntrailer << >>\n%%EOF\n");

    [Fact]
    public async Task Visitor_reads_what_applying_takes_and_the_rules_the_operator_attached_and_a_JST_that_already_applied_is_told_when_chosen()
    {
        var round = $"Nabór wstępu {Guid.NewGuid():N}"[..24];
        var admin = await SignInFlow.AdministratorAsync(platform, browser);
        var roundId = await PublicApplications.OpenRoundAsync(platform, admin, round);
        await PublicApplications.ApplyAsync(platform, roundId, "0201032");

        // The operator attaches the rules on the round's page.
        await admin.GotoAsync($"/administracja/nabory/{roundId}");
        await admin.GetByLabel("Plik PDF (do 10 MB)").SetInputFilesAsync(new FilePayload { Name = "regulamin.pdf", MimeType = "application/pdf", Buffer = RulesPdf });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Dołącz regulamin" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status).Filter(new() { HasText = "Dołączono regulamin" })).ToBeVisibleAsync();
        await Assertions.Expect(admin.GetByTestId("rules-document")).ToContainTextAsync("regulamin.pdf");
        await Accessibility.AssertNoWcagViolationsAsync(admin);

        // "Nabory" links the rules; the link gives the PDF as it was attached, not sniffed as anything else.
        var page = await browser.NewPageAsync(platform.GatewayAddress);
        await page.GotoAsync("/nabory");
        var section = page.GetByRole(AriaRole.Region, new() { Name = round });
        var rules = section.GetByRole(AriaRole.Link, new() { Name = $"Regulamin naboru „{round}”" });
        await Assertions.Expect(rules).ToContainTextAsync("PDF");
        var download = await platform.Gateway.GetAsync((await rules.GetAttributeAsync("href"))!, TestContext.Current.CancellationToken);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(RulesPdf, await download.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        await Accessibility.AssertNoWcagViolationsAsync(page);

        // Before the form: who applies, whether an account is needed, what to have at hand, and the rules.
        await section.GetByRole(AriaRole.Link, new() { Name = "Złóż wniosek" }).ClickAsync();
        var before = page.GetByRole(AriaRole.Region, new() { Name = "Zanim zaczniesz" });
        await Assertions.Expect(before.GetByRole(AriaRole.Heading, new() { Name = "Kto składa wniosek" })).ToBeVisibleAsync();
        await Assertions.Expect(before).ToContainTextAsync("Czy potrzebne jest konto");
        await Assertions.Expect(before).ToContainTextAsync("służbowy adres e-mail");
        await Assertions.Expect(before.GetByRole(AriaRole.Link, new() { Name = $"Regulamin naboru „{round}”" })).ToBeVisibleAsync();
        await Accessibility.AssertNoWcagViolationsAsync(page);

        // Gromadka already applied: said when it is chosen, with the operator's contact, and no draft is started.
        await page.GetByLabel("Kod TERC JST").FillAsync("0201032");
        await page.GetByRole(AriaRole.Button, new() { Name = "Dalej" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Krok 1 z 5: JST");
        var error = page.Locator("#jst-terc-error");
        await Assertions.Expect(error).ToContainTextAsync("Gromadka ma już złożony wniosek");
        await Assertions.Expect(error).ToContainTextAsync("pomoc@cro.local");
        await Accessibility.AssertNoWcagViolationsAsync(page);

        // Another JST goes on; an address without a full domain is not taken.
        await page.GetByLabel("Kod TERC JST").FillAsync("0201052");
        await page.GetByRole(AriaRole.Button, new() { Name = "Dalej" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Krok 2 z 5: Koordynator zespołu");
        var email = page.GetByLabel("Adres e-mail");
        await email.FillAsync("anna.kowalska@example");
        Assert.True(await email.EvaluateAsync<bool>("input => input.validity.patternMismatch"));
        await email.FillAsync("anna.kowalska@example.pl");
        Assert.False(await email.EvaluateAsync<bool>("input => input.validity.patternMismatch"));
    }
}
