namespace Cro.EndToEnd.Tests;

/// <summary>The public "Wyszukaj JST" page in a real browser, through the gateway.</summary>
public sealed class JstSearchPageTests(PlatformFixture platform, BrowserFixture browser)
{
    [Fact]
    public async Task Search_finds_gdansk_and_the_page_has_no_WCAG_21_AA_violations()
    {
        var page = await browser.NewPageAsync(platform.GatewayAddress);
        await page.GotoAsync("/wyszukaj-jst");
        await Accessibility.AssertNoWcagViolationsAsync(page);

        await page.GetByLabel("Nazwa lub kod TERC").FillAsync("gdansk");
        await page.GetByLabel("Rodzaj").SelectOptionAsync(new SelectOptionValue { Label = "miasto na prawach powiatu" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Szukaj" }).ClickAsync();

        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Gdańsk" });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("2261011");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Pokazano 1 JST.");
        await Accessibility.AssertNoWcagViolationsAsync(page);
    }

    [Fact]
    public async Task Search_is_usable_by_keyboard_alone()
    {
        var page = await browser.NewPageAsync(platform.GatewayAddress);
        await page.GotoAsync("/wyszukaj-jst");

        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator(":focus")).ToHaveTextAsync("Przejdź do treści głównej");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator(":focus")).ToHaveAttributeAsync("id", "q");

        await page.Keyboard.TypeAsync("Łódź");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "łódzkie" }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Nazwa lub kod TERC")).ToHaveValueAsync("Łódź");
    }

    [Fact]
    public async Task Next_page_link_continues_the_results()
    {
        var page = await browser.NewPageAsync(platform.GatewayAddress);
        await page.GotoAsync("/wyszukaj-jst?kind=city-county");
        var first = await page.Locator("tbody th").AllTextContentsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Następna strona" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Pierwsza strona" })).ToBeVisibleAsync();
        var second = await page.Locator("tbody th").AllTextContentsAsync();

        Assert.Equal((20, 20), (first.Count, second.Count));
        Assert.Empty(first.Intersect(second));
    }

    [Fact]
    public async Task Language_switch_shows_the_site_in_English_and_back()
    {
        var page = await browser.NewPageAsync(platform.GatewayAddress);
        await page.GotoAsync("/wyszukaj-jst");

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Find a JST");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Accessibility.AssertNoWcagViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Polski" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Wyszukaj JST");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/deklaracja-dostepnosci")]
    public async Task Public_pages_have_no_WCAG_21_AA_violations(string path)
    {
        var page = await browser.NewPageAsync(platform.GatewayAddress);
        await page.GotoAsync(path);

        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Deklaracja dostępności" })).ToBeVisibleAsync();
        await Accessibility.AssertNoWcagViolationsAsync(page);
    }
}
