namespace Cro.EndToEnd.Tests;

/// <summary>The public site as a Polish public programme funded from FERS 2021–2027 must publish it.</summary>
public sealed class PublicSiteTests(PlatformFixture platform, BrowserFixture browser)
{
    private const string FundingMarks = "Fundusze Europejskie dla Rozwoju Społecznego, Rzeczpospolita Polska, Dofinansowane przez Unię Europejską";

    [Theory]
    [InlineData("/")]
    [InlineData("/nabory")]
    [InlineData("/szkolenia")]
    [InlineData("/logowanie")]
    public async Task Every_page_shows_the_EU_funding_marks_first_and_the_contact_in_its_footer(string path)
    {
        var page = await browser.NewPageAsync(platform.GatewayAddress);
        await page.GotoAsync(path);

        var marks = page.GetByRole(AriaRole.Img, new() { Name = FundingMarks });
        await Assertions.Expect(marks).ToBeVisibleAsync();
        // Above the site's own header.
        Assert.True((await marks.BoundingBoxAsync())!.Y < (await page.Locator("header").First.BoundingBoxAsync())!.Y + 1);
        var footer = page.GetByRole(AriaRole.Contentinfo);
        await Assertions.Expect(footer.GetByRole(AriaRole.Link, new() { Name = "O projekcie" })).ToBeVisibleAsync();
        await Assertions.Expect(footer.GetByRole(AriaRole.Link, new() { Name = "Deklaracja dostępności" })).ToBeVisibleAsync();
        await Assertions.Expect(footer.GetByRole(AriaRole.Link, new() { Name = "Klauzula informacyjna RODO" })).ToBeVisibleAsync();
        await Accessibility.AssertNoWcagViolationsAsync(page);
    }

    [Fact]
    public async Task Footer_gives_the_helpdesk_and_the_partner_API_which_left_the_main_menu()
    {
        var page = await browser.NewPageAsync(platform.GatewayAddress);
        await page.GotoAsync("/");

        var footer = page.GetByRole(AriaRole.Contentinfo);
        await Assertions.Expect(footer.GetByRole(AriaRole.Link, new() { Name = "pomoc@cro.local" })).ToHaveAttributeAsync("href", "mailto:pomoc@cro.local");
        await Assertions.Expect(footer.GetByRole(AriaRole.Link, new() { Name = "+48 22 100 00 00" })).ToHaveAttributeAsync("href", "tel:+48221000000");
        await Assertions.Expect(footer.GetByRole(AriaRole.Link, new() { Name = "API dla partnerów" })).ToBeVisibleAsync();
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Menu główne" });
        await Assertions.Expect(menu.GetByRole(AriaRole.Link, new() { Name = "API dla partnerów" })).ToHaveCountAsync(0);
        // The home page says in its heading what CRO is.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 }))
            .ToHaveTextAsync("CRO pomaga samorządom zaplanować i przeprowadzić cyfryzację ich szkół");
    }

    [Fact]
    public async Task About_page_names_the_programme_action_beneficiary_and_the_EU_co_financing()
    {
        var page = await browser.NewPageAsync(platform.GatewayAddress);
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu główne" }).GetByRole(AriaRole.Link, new() { Name = "O projekcie" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("O projekcie");
        var main = page.GetByRole(AriaRole.Main);
        await Assertions.Expect(main).ToContainTextAsync("Fundusze Europejskie dla Rozwoju Społecznego 2021–2027");
        await Assertions.Expect(main).ToContainTextAsync("FERS.01.04");
        await Assertions.Expect(main).ToContainTextAsync("Ośrodek Rozwoju Edukacji");
        await Assertions.Expect(main).ToContainTextAsync("4 951 200,00 zł");
        await Assertions.Expect(main).ToContainTextAsync("6 000 000,00 zł");
        await Accessibility.AssertNoWcagViolationsAsync(page);
    }

    [Fact]
    public async Task Accessibility_statement_gives_its_dates_and_the_contact_for_requests()
    {
        var page = await browser.NewPageAsync(platform.GatewayAddress);
        await page.GotoAsync("/deklaracja-dostepnosci");

        var main = page.GetByRole(AriaRole.Main);
        await Assertions.Expect(main.Locator("time[datetime='2026-11-30']")).ToHaveTextAsync("30 listopada 2026 r.");
        await Assertions.Expect(main.Locator("time[datetime='2026-12-06']")).ToBeVisibleAsync();
        await Assertions.Expect(main.GetByRole(AriaRole.Link, new() { Name = "pomoc@cro.local" })).ToBeVisibleAsync();
        await Accessibility.AssertNoWcagViolationsAsync(page);
    }

    [Fact]
    public async Task Mistyped_address_gets_a_Polish_page_with_status_404_not_json()
    {
        var page = await browser.NewPageAsync(platform.GatewayAddress);

        var response = await page.GotoAsync("/nabory-2026-nie-ma");

        Assert.Equal(404, response!.Status);
        Assert.StartsWith("text/html", response.Headers["content-type"]);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Nie znaleziono strony");
        await Accessibility.AssertNoWcagViolationsAsync(page);
    }

    [Fact]
    public async Task Page_a_person_may_not_open_answers_403_with_a_friendly_page()
    {
        var page = await browser.NewPageAsync(platform.GatewayAddress);

        var response = await page.GotoAsync("/brak-dostepu");

        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Brak dostępu");
    }
}
