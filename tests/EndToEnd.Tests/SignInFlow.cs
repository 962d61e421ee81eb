namespace Cro.EndToEnd.Tests;

public static class SignInFlow
{
    // Sign-ins take turns: the first sign-in of an administrator sets up their authenticator, and two
    // tests doing that at once would each get a different key.
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    /// <summary>A fresh page with the platform's administrator (who is also an operator) signed in.</summary>
    public static async Task<IPage> AdministratorAsync(PlatformFixture platform, BrowserFixture browser)
    {
        var admin = await browser.NewPageAsync(platform.GatewayAddress);
        await admin.GotoAsync("/");
        await SignInAsync(admin, PlatformFixture.AdminEmail, platform.AdminPassword, platform.Authenticator);
        return admin;
    }

    /// <summary>Signs in from the current page through the identity service's sign-in form.</summary>
    public static Task SignInAsync(IPage page, string email, string password, AuthenticatorApp authenticator) => InTurnAsync(async () =>
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Zaloguj się" }).ClickAsync();
        await page.GetByLabel("Adres e-mail").FillAsync(email);
        await page.GetByLabel("Hasło").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Zaloguj się" }).ClickAsync();
        await PassSecondFactorAsync(page, email, authenticator);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Wyloguj się" })).ToBeVisibleAsync();
    });

    /// <summary>Runs a sign-in while no other test signs in.</summary>
    public static async Task InTurnAsync(Func<Task> signIn)
    {
        await OneAtATime.WaitAsync();
        try
        {
            await signIn();
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    /// <summary>
    /// After the password: sets up the authenticator when the role requires it and it is not set up yet,
    /// enters its code when it is, and does nothing for a person without two-factor sign-in.
    /// </summary>
    public static async Task PassSecondFactorAsync(IPage page, string email, AuthenticatorApp authenticator)
    {
        var key = page.Locator("#authenticator-key");
        var code = page.GetByLabel("Kod z aplikacji uwierzytelniającej");
        await Assertions.Expect(key.Or(code).Or(page.GetByRole(AriaRole.Button, new() { Name = "Wyloguj się" }))).ToBeVisibleAsync();
        if (await key.IsVisibleAsync())
        {
            authenticator.Remember(email, await key.InnerTextAsync());
            await page.GetByLabel("Kod z aplikacji").FillAsync(authenticator.CodeFor(email));
            await page.GetByRole(AriaRole.Button, new() { Name = "Włącz weryfikację dwuetapową" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Kody odzyskiwania" })).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Dalej" }).ClickAsync();
        }
        else if (await code.IsVisibleAsync())
        {
            await code.FillAsync(authenticator.CodeFor(email));
            await page.GetByRole(AriaRole.Button, new() { Name = "Zaloguj się" }).ClickAsync();
        }
    }
}
