namespace Cro.EndToEnd.Tests;

/// <summary>
/// Operators review applications in the browser (the round's dashboard, an application's formal check and
/// score adjustment, the marginalisation list upload), and an accepted JST's coordinator replaces a member
/// of the team from "Mój zespół". Every page is checked against WCAG 2.1 AA.
/// </summary>
public sealed class ApplicationReviewTests(PlatformFixture platform, BrowserFixture browser)
{

    private async Task<(IPage Admin, Guid RoundId)> RoundWithApplicationsAsync(string name, params string[] tercs)
    {
        var admin = await SignInFlow.AdministratorAsync(platform, browser);
        var roundId = await PublicApplications.OpenRoundAsync(platform, admin, name);
        foreach (var terc in tercs)
        {
            await PublicApplications.ApplyAsync(platform, roundId, terc);
        }
        return (admin, roundId);
    }

    [Fact]
    public async Task Operator_sees_the_dashboard_checks_an_application_formally_and_adjusts_a_score()
    {
        var (admin, roundId) = await RoundWithApplicationsAsync($"Nabór oceny {Guid.NewGuid():N}"[..24], "0201032", "0201052");
        await admin.GotoAsync($"/administracja/nabory/{roundId}");
        await PublicApplications.AcceptFromTheListAsync(admin, "Gromadka");
        await admin.GotoAsync($"/administracja/nabory/{roundId}");

        // The dashboard: monitoring counts from events, so the page is reloaded until the accepted team is counted.
        var bySex = admin.GetByTestId("by-sex");
        await ReloadUntilAsync(admin, bySex, "2 z 2");
        await Assertions.Expect(bySex).ToContainTextAsync("1 z 1");
        await Assertions.Expect(admin.GetByTestId("per-day").GetByRole(AriaRole.Img)).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("razem 2"));
        await Assertions.Expect(admin.GetByRole(AriaRole.Table, new() { Name = "Wnioski według województw" })).ToContainTextAsync(new System.Text.RegularExpressions.Regex("dolnośląskie", System.Text.RegularExpressions.RegexOptions.IgnoreCase));
        await Assertions.Expect(admin.GetByTestId("at-risk")).ToContainTextAsync("z 2 złożonych wniosków");
        await Accessibility.AssertNoWcagViolationsAsync(admin);

        // The formal check: a condition not met needs a comment, then the check is kept in the history.
        await admin.GetByRole(AriaRole.Link, new() { Name = "Osiecznica" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Wniosek: Osiecznica");
        await Accessibility.AssertNoWcagViolationsAsync(admin);
        foreach (var condition in new[] { "JST kwalifikuje się do naboru", "Skład zespołu zgodny z regulaminem", "Oświadczenia kompletne" })
        {
            await admin.GetByLabel(condition).CheckAsync();
        }
        await admin.GetByRole(AriaRole.Button, new() { Name = "Zapisz ocenę formalną" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Alert)).ToContainTextAsync("Opisz, czego brakuje");
        await Accessibility.AssertNoWcagViolationsAsync(admin);
        await admin.GetByLabel("Komentarz").FillAsync("Brak pełnomocnictwa wójta.");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Zapisz ocenę formalną" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Zapisano ocenę formalną: negatywna.");
        await Assertions.Expect(admin.GetByTestId("formal-checks")).ToContainTextAsync("Brak pełnomocnictwa wójta.");
        await Assertions.Expect(admin.GetByTestId("formal-checks")).ToContainTextAsync("Wniosek potwierdzony przez osobę upoważnioną");

        // The score adjustment changes the score and stays in the history with its reason.
        var before = int.Parse(await admin.GetByTestId("score").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        await admin.GetByLabel("Punkty (ujemne odejmują)").FillAsync("5");
        await admin.GetByLabel("Uzasadnienie", new() { Exact = true }).FillAsync("Dwie szkoły filialne pominięte w deklaracji.");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Zapisz korektę" }).ClickAsync();
        await Assertions.Expect(admin.GetByTestId("score")).ToHaveTextAsync((before + 5).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(admin.GetByTestId("adjustments")).ToContainTextAsync("+5 — Dwie szkoły filialne pominięte w deklaracji.");
        await Accessibility.AssertNoWcagViolationsAsync(admin);
    }

    [Fact]
    public async Task Operator_uploads_the_marginalisation_list_sees_the_bad_lines_and_applies_the_valid_part()
    {
        var admin = await SignInFlow.AdministratorAsync(platform, browser);
        await admin.GetByRole(AriaRole.Link, new() { Name = "Lista marginalizacji" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Lista JST zagrożonych trwałą marginalizacją");
        await Accessibility.AssertNoWcagViolationsAsync(admin);

        // Bolesławiec (the town, 0201011) is not used by the other tests' applications, whose scores this list would change.
        var csv = "teryt;nazwa\n0201011;Bolesławiec\n12345\n0201011;Bolesławiec\n9999999\n"u8.ToArray();
        await admin.GetByLabel("Plik CSV (do 1 MB)").SetInputFilesAsync(new FilePayload { Name = "lista.csv", MimeType = "text/csv", Buffer = csv });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Sprawdź i zastosuj listę" }).ClickAsync();

        var report = admin.GetByTestId("report");
        await Assertions.Expect(report).ToContainTextAsync("Niczego nie zmieniono. Wiersze z błędami: 3, poprawne kody: 1.");
        var problems = admin.GetByRole(AriaRole.Table, new() { Name = "Wiersze z błędami" });
        await Assertions.Expect(problems.GetByRole(AriaRole.Row)).ToHaveCountAsync(4);
        await Assertions.Expect(problems).ToContainTextAsync("powtórzony kod (pierwszy raz w wierszu 2)");
        await Assertions.Expect(problems).ToContainTextAsync("nie ma takiej gminy w rejestrze TERC");
        await Accessibility.AssertNoWcagViolationsAsync(admin);

        await admin.GetByRole(AriaRole.Button, new() { Name = "Zastosuj poprawne kody (1), pomiń wiersze z błędami" }).ClickAsync();
        await Assertions.Expect(admin.GetByTestId("report")).ToContainTextAsync("Zastosowano listę: 1 JST oznaczono jako zagrożone trwałą marginalizacją.");
        var jst = await platform.Gateway.GetStringAsync("/api/recruitment/jst/0201011", TestContext.Current.CancellationToken);
        Assert.Contains("\"atRiskOfMarginalisation\":true", jst);
    }

    [Fact]
    public async Task The_coordinator_of_an_accepted_JST_replaces_a_member_and_the_newcomer_is_invited()
    {
        var roundName = $"Nabór zespołu {Guid.NewGuid():N}"[..25];
        var (admin, roundId) = await RoundWithApplicationsAsync(roundName);
        var applied = await PublicApplications.AcceptedAsync(platform, admin, roundId, "0203032", "Jerzmanowa");

        // The coordinator accepts the invitation that acceptance sent, and finds the team under "Mój zespół".
        var coordinator = await Invitations.AcceptAsync(browser, platform, await Invitations.AcceptLinkAsync(platform, applied.Emails[0]), "osiecznicki las nad Kwisą");
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Mój zespół" }).ClickAsync();
        var team = coordinator.GetByTestId("team");
        await Assertions.Expect(team).ToContainTextAsync("Jan Kowalski");
        // A JST no other test applies for, so "Mój zespół" shows this round's team; still, this round's card.
        await Assertions.Expect(coordinator.Locator("section.card").Filter(new() { HasText = roundName })).ToContainTextAsync("przyjęty (złożony ");
        await Accessibility.AssertNoWcagViolationsAsync(coordinator);

        var newcomer = $"marek.{Guid.NewGuid():N}@0203032.test";
        await coordinator.GetByLabel("Kto odchodzi z zespołu").SelectOptionAsync(new SelectOptionValue { Label = "Jan Kowalski (urzędnik)" });
        await coordinator.GetByLabel("Imię i nazwisko").FillAsync("Marek Wiśniewski");
        await coordinator.GetByLabel("Adres e-mail").FillAsync(newcomer);
        await coordinator.GetByLabel("Stanowisko").FillAsync("informatyk");
        await coordinator.GetByLabel("mężczyzna").CheckAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Zmień skład zespołu" }).ClickAsync();

        await Assertions.Expect(coordinator.GetByRole(AriaRole.Status)).ToContainTextAsync("Marek Wiśniewski zastępuje Jan Kowalski");
        await Assertions.Expect(team).ToContainTextAsync("Marek Wiśniewski");
        await Assertions.Expect(team).Not.ToContainTextAsync("Jan Kowalski");
        await Accessibility.AssertNoWcagViolationsAsync(coordinator);
        var invitation = (await platform.Mail.WaitForAsync(newcomer, within: TimeSpan.FromSeconds(60))).Single();
        Assert.Contains("Zaproszenie do platformy", invitation.Subject);
    }

    [Fact]
    public async Task Operator_finds_an_application_by_name_TERC_or_coordinator_and_accepts_it_only_after_seeing_who_will_be_mailed()
    {
        var (admin, roundId) = await RoundWithApplicationsAsync($"Nabór szukania {Guid.NewGuid():N}"[..26], "0201032");
        var applied = await PublicApplications.ApplyAsync(platform, roundId, "0201052");
        await admin.GotoAsync($"/administracja/nabory/{roundId}");

        var search = admin.GetByLabel("Szukaj: nazwa JST, kod TERC lub koordynator");
        var rows = admin.GetByRole(AriaRole.Table, new() { Name = "Wnioski naboru w kolejności rankingu" }).GetByRole(AriaRole.Row);
        await search.FillAsync("osiecz");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Filtruj" }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(2); // the header and Osiecznica
        await Assertions.Expect(rows.Nth(1)).ToContainTextAsync("Osiecznica");
        await search.FillAsync("0201032");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Filtruj" }).ClickAsync();
        await Assertions.Expect(rows.Nth(1)).ToContainTextAsync("Gromadka");
        await Accessibility.AssertNoWcagViolationsAsync(admin);

        // "Przyjmij" opens a confirmation that names everyone who will be mailed; nothing is decided yet.
        await search.FillAsync(applied.Emails[0]);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Filtruj" }).ClickAsync();
        await Assertions.Expect(rows.Nth(1)).ToContainTextAsync("Osiecznica");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Przyjmij wniosek JST Osiecznica", Exact = true }).ClickAsync();
        var recipients = admin.GetByTestId("accept-recipients");
        await Assertions.Expect(recipients).ToContainTextAsync($"koordynator: Anna Nowak <{applied.Emails[0]}>");
        foreach (var email in applied.Emails)
        {
            await Assertions.Expect(recipients).ToContainTextAsync(email);
        }
        await Assertions.Expect(admin.Locator("dl.facts")).ToContainTextAsync("złożony, czeka na decyzję");
        await Accessibility.AssertNoWcagViolationsAsync(admin);
        await admin.GetByRole(AriaRole.Link, new() { Name = "Anuluj, nie przyjmuj" }).ClickAsync();
        await Assertions.Expect(admin.GetByTestId("accept-confirmation")).ToHaveCountAsync(0);

        // The application's own page decides too: accept (confirmed) from there.
        await admin.GetByRole(AriaRole.Button, new() { Name = "Przyjmij wniosek JST Osiecznica", Exact = true }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Potwierdź: przyjmij wniosek JST Osiecznica" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status).Filter(new() { HasText = "Zapisano decyzję" })).ToContainTextAsync("przyjęty");
        await Assertions.Expect(admin.Locator("dl.facts")).ToContainTextAsync("przyjęty");
        await Accessibility.AssertNoWcagViolationsAsync(admin);
    }


    /// <summary>
    /// Opens the page again until <paramref name="part"/> shows <paramref name="text"/>: data that arrives by events lags a
    /// moment. (Not a reload, which would post the form that led to the page once more.)
    /// </summary>
    private static async Task ReloadUntilAsync(IPage page, ILocator part, string text)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (!(await part.InnerTextAsync()).Contains(text, StringComparison.Ordinal) && DateTime.UtcNow < until)
        {
            await Task.Delay(500);
            await page.GotoAsync(page.Url);
        }
        await Assertions.Expect(part).ToContainTextAsync(text);
    }
}
