using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Cro.EndToEnd.Tests;

/// <summary>An operator invites a person; the person opens the e-mailed link, sets a password and is signed in.</summary>
public sealed partial class InvitationTests(PlatformFixture platform, BrowserFixture browser)
{
    [Fact]
    public async Task Invited_person_sets_a_password_from_the_emailed_link_and_is_signed_in()
    {
        var email = $"zofia.kowalska.{Guid.NewGuid():N}@gdansk.test";
        var admin = await browser.NewPageAsync(platform.GatewayAddress);
        await admin.GotoAsync("/");
        await SignInFlow.SignInAsync(admin, PlatformFixture.AdminEmail, platform.AdminPassword, platform.Authenticator);

        await admin.GetByRole(AriaRole.Link, new() { Name = "Zaproś osobę" }).ClickAsync();
        await Accessibility.AssertNoWcagViolationsAsync(admin);
        await admin.GetByLabel("Imię i nazwisko").FillAsync("Zofia Kowalska");
        await admin.GetByLabel("Adres e-mail").FillAsync(email);
        await admin.GetByLabel("Rola").SelectOptionAsync(new SelectOptionValue { Label = "koordynator JST" });
        await admin.GetByLabel("Kod TERC JST (dla zespołu JST)").FillAsync("2261011");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Wyślij zaproszenie" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync($"Zaproszenie wysłane do {email}");

        var mail = (await platform.Mail.WaitForAsync(email, within: TimeSpan.FromSeconds(60))).Single();
        Assert.Contains("zaproszenie", mail.Subject, StringComparison.OrdinalIgnoreCase);
        var link = AcceptLink().Match(mail.TextBody ?? "").Value;
        Assert.StartsWith(platform.GatewayAddress.ToString(), link);

        var invitee = await browser.NewPageAsync(platform.GatewayAddress);
        await invitee.GotoAsync(link);
        await Assertions.Expect(invitee.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Przyjęcie zaproszenia");
        await Accessibility.AssertNoWcagViolationsAsync(invitee);
        await invitee.GetByLabel("Nowe hasło").FillAsync("zielona łąka nad Motławą");
        await invitee.GetByLabel("Powtórz hasło").FillAsync("zielona łąka nad Motławą");
        await invitee.GetByLabel("Zapoznałem(-am) się z").CheckAsync();
        await invitee.GetByRole(AriaRole.Button, new() { Name = "Ustaw hasło i zaloguj się" }).ClickAsync();

        await Assertions.Expect(invitee.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Moje konto");
        await Assertions.Expect(invitee.GetByTestId("name")).ToHaveTextAsync("Zofia Kowalska");
        await Assertions.Expect(invitee.GetByText("koordynator JST", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(invitee.GetByText("2261011", new() { Exact = true })).ToBeVisibleAsync();

        // The link worked once; opened again, it is refused.
        await invitee.GotoAsync(link);
        await Assertions.Expect(invitee.GetByRole(AriaRole.Alert)).ToContainTextAsync("Łącze jest nieprawidłowe");
    }

    [GeneratedRegex(@"https?://\S+/konto/zaproszenie\?\S+")]
    private static partial Regex AcceptLink();
}
