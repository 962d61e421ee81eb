using Microsoft.Playwright;

namespace Cro.EndToEnd.Tests;

public static class SignInFlow
{
    /// <summary>Signs in from the current page through the identity service's sign-in form.</summary>
    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Zaloguj się" }).ClickAsync();
        await page.GetByLabel("Adres e-mail").FillAsync(email);
        await page.GetByLabel("Hasło").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Zaloguj się" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Wyloguj się" })).ToBeVisibleAsync();
    }
}
