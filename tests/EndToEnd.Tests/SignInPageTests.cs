namespace Cro.EndToEnd.Tests;

/// <summary>Signing in to the web through the identity service (OpenID Connect, code + PKCE), in a real browser.</summary>
public sealed class SignInPageTests(PlatformFixture platform, BrowserFixture browser)
{
    [Fact]
    public async Task Administrator_signs_in_sees_their_account_and_signs_out_without_leaving_the_public_origin()
    {
        var page = await browser.NewPageAsync(platform.GatewayAddress);
        // Every address the browser is sent to (sign-in, two-factor, callback, sign-out) is the gateway's.
        var origins = new HashSet<string>();
        page.Request += (_, request) => origins.Add(new Uri(request.Url).GetLeftPart(UriPartial.Authority));
        await page.GotoAsync("/wyszukaj-jst");

        await SignInFlow.InTurnAsync(async () =>
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "Zaloguj się" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Logowanie");
            await Accessibility.AssertNoWcagViolationsAsync(page);
            await page.GetByLabel("Adres e-mail").FillAsync(PlatformFixture.AdminEmail);
            await page.GetByLabel("Hasło").FillAsync(platform.AdminPassword);
            await page.GetByRole(AriaRole.Button, new() { Name = "Zaloguj się" }).ClickAsync();
            // An administrator always passes a second step: setting up the authenticator, or its code.
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Weryfikacja dwuetapowa");
            await Accessibility.AssertNoWcagViolationsAsync(page);
            await SignInFlow.PassSecondFactorAsync(page, PlatformFixture.AdminEmail, platform.Authenticator);
        });

        // Back on the page the sign-in started from, now signed in.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Wyszukaj JST");
        await page.GetByRole(AriaRole.Link, new() { Name = "Administrator" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("name")).ToHaveTextAsync("Administrator");
        await Assertions.Expect(page.GetByText("administrator", new() { Exact = true })).ToBeVisibleAsync();
        await Accessibility.AssertNoWcagViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Wyloguj się" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Zaloguj się" })).ToBeVisibleAsync();
        await page.GotoAsync("/moje-konto");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Logowanie");
        Assert.Equal([platform.GatewayAddress.GetLeftPart(UriPartial.Authority)], origins);
    }

    [Fact]
    public async Task Wrong_password_shows_an_error_and_does_not_sign_in()
    {
        var page = await browser.NewPageAsync(platform.GatewayAddress);
        await page.GotoAsync("/logowanie");

        await page.GetByLabel("Adres e-mail").FillAsync("nobody@cro.test");
        await page.GetByLabel("Hasło").FillAsync("wrong password, wrong");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zaloguj się" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Nieprawidłowy adres e-mail lub hasło.");
        await Accessibility.AssertNoWcagViolationsAsync(page);
    }
}
