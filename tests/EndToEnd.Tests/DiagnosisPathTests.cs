namespace Cro.EndToEnd.Tests;

/// <summary>
/// The diagnosis of a JST's schools in a real browser, through the gateway: a JST accepted in recruitment; a member of its team
/// confirms the schools list the register brought, opens the baseline diagnosis and issues a director's link for one school; the
/// director, in a fresh browser without an account, fills every section of the school's questionnaire through the link (a device
/// row in the repeat group, the questions a previous answer asks for) and submits it; the team then sees that school complete.
/// Every new page is checked against WCAG 2.1 AA and for anything its Content-Security-Policy refused.
/// </summary>
public sealed class DiagnosisPathTests(PlatformFixture platform, BrowserFixture browser)
{
    // Pęcław (gmina wiejska, dolnośląskie): two schools in the register extract, and a JST no other browser test applies for.
    private const string Terc = "0203052";
    private const string Jst = "Pęcław";
    private const string School = "Szkoła Podstawowa w Białołęce";

    [Fact]
    public async Task The_team_confirms_its_schools_opens_a_diagnosis_a_director_fills_the_questionnaire_by_link_and_the_team_sees_it_complete()
    {
        var admin = await SignInFlow.AdministratorAsync(platform, browser);
        var round = $"Nabór diagnozy {Guid.NewGuid():N}"[..26];
        var roundId = await PublicApplications.OpenRoundAsync(platform, admin, round);
        var applied = await PublicApplications.AcceptedAsync(platform, admin, roundId, Terc, Jst);
        var member = await Invitations.AcceptAsync(browser, platform, await Invitations.AcceptLinkAsync(platform, applied.Emails[0]),
            "pęcławskie pola nad odrą");

        // The schools register: the extract's schools of the JST, which the team confirms.
        var menu = member.GetByRole(AriaRole.Navigation, new() { Name = "Menu główne" });
        await menu.GetByRole(AriaRole.Link, new() { Name = "Szkoły", Exact = true }).ClickAsync();
        await Assertions.Expect(member.GetByTestId("schools")).ToContainTextAsync(School);
        await Accessibility.AssertNoWcagViolationsAsync(member);
        await member.GetByRole(AriaRole.Button, new() { NameRegex = new("^Potwierdzam listę") }).ClickAsync();
        await Assertions.Expect(member.GetByRole(AriaRole.Status)).ToContainTextAsync("Potwierdzono listę szkół.");
        await Assertions.Expect(member.GetByTestId("list-confirmation")).ToContainTextAsync("potwierdził(a)");
        await member.GetByRole(AriaRole.Link, new() { Name = School }).ClickAsync();
        await Assertions.Expect(member.GetByRole(AriaRole.Heading, new() { Name = "Historia zmian" })).ToBeVisibleAsync();
        await Accessibility.AssertNoWcagViolationsAsync(member);

        // The baseline diagnosis, and a director's link for the school.
        await menu.GetByRole(AriaRole.Link, new() { Name = "Diagnoza", Exact = true }).ClickAsync();
        await Accessibility.AssertNoWcagViolationsAsync(member);
        await member.GetByLabel("diagnoza wyjściowa").CheckAsync();
        await member.GetByRole(AriaRole.Button, new() { Name = "Rozpocznij diagnozę" }).ClickAsync();
        await Assertions.Expect(member.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Diagnoza wyjściowa");
        var diagnosisPage = member.Url;
        await Accessibility.AssertNoWcagViolationsAsync(member);
        await member.GetByRole(AriaRole.Button, new() { Name = $"Wydaj łącze: {School}" }).ClickAsync();
        var link = await member.GetByTestId("issued-link").Locator("code").InnerTextAsync();
        Assert.Contains("/diagnoza/ankieta/", link, StringComparison.Ordinal);
        await Accessibility.AssertNoWcagViolationsAsync(member);

        // The director: no account, only the link.
        var director = await browser.NewPageAsync(platform.GatewayAddress);
        await director.GotoAsync(link);
        await Assertions.Expect(director.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(School);
        await Accessibility.AssertNoWcagViolationsAsync(director);
        await FillEverySectionAsync(director);
        await director.GetByRole(AriaRole.Button, new() { Name = "Prześlij kwestionariusz" }).ClickAsync();
        await Assertions.Expect(director.GetByRole(AriaRole.Status)).ToContainTextAsync("Kwestionariusz przesłano");
        await Assertions.Expect(director.GetByTestId("questionnaire-status")).ToContainTextAsync("przesłany");
        await Accessibility.AssertNoWcagViolationsAsync(director);

        // The team sees the school complete.
        await member.GotoAsync(diagnosisPage);
        var row = member.GetByTestId("questionnaires").GetByRole(AriaRole.Row).Filter(new() { HasText = School });
        await Assertions.Expect(row).ToContainTextAsync("przesłany");
        await Assertions.Expect(row).ToContainTextAsync("(100%)");
        await Assertions.Expect(member.GetByText(new System.Text.RegularExpressions.Regex("Przesłane: 1 z \\d+ szkół"))).ToBeVisibleAsync();
        await Accessibility.AssertNoWcagViolationsAsync(member);
    }

    /// <summary>
    /// Answers every question of every section with its first option, a scale's 1 or the number 1 (which keeps every consistency
    /// rule), saving twice a section: the second time for the questions the first answers asked for, and the device row it added.
    /// </summary>
    private static async Task FillEverySectionAsync(IPage director)
    {
        var sections = director.GetByRole(AriaRole.Navigation, new() { Name = "Części kwestionariusza" }).GetByRole(AriaRole.Link);
        var count = await sections.CountAsync();
        for (var i = 0; i < count; i++)
        {
            await sections.Nth(i).ClickAsync();
            for (var pass = 0; pass < 2; pass++)
            {
                await AnswerShownQuestionsAsync(director);
                await director.GetByRole(AriaRole.Button, new() { Name = "Zapisz", Exact = true }).ClickAsync();
                await Assertions.Expect(director.GetByRole(AriaRole.Status)).ToContainTextAsync("Zapisano odpowiedzi.");
            }
            if (i == 4)
            {
                await Assertions.Expect(director.GetByTestId("devices-row").First).ToContainTextAsync("Wiersz 1");
                await Accessibility.AssertNoWcagViolationsAsync(director);
            }
        }
        await Assertions.Expect(director.GetByText("Wszystkie wymagane odpowiedzi są zapisane.")).ToBeVisibleAsync();
    }

    private static async Task AnswerShownQuestionsAsync(IPage director)
    {
        foreach (var choices in await director.Locator("form.questionnaire fieldset.choices").AllAsync())
        {
            if (await choices.Locator("input:checked").CountAsync() == 0)
            {
                await choices.Locator("input").First.CheckAsync();
            }
        }
        foreach (var number in await director.Locator("form.questionnaire .number-input input").AllAsync())
        {
            if (await number.InputValueAsync() is "")
            {
                await number.FillAsync("1");
            }
        }
    }
}
