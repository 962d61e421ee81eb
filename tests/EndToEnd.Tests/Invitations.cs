using System.Text.RegularExpressions;

namespace Cro.EndToEnd.Tests;

/// <summary>The invitation path in the browser: an administrator invites, the person accepts from the e-mail.</summary>
public static partial class Invitations
{
    /// <summary>Signs the administrator in on a fresh page and sends an invitation from "Zaproś osobę".</summary>
    public static async Task<IPage> InviteAsync(PlatformFixture platform, BrowserFixture browser, string fullName, string email,
        string roleLabel, string? terc)
    {
        var admin = await SignInFlow.AdministratorAsync(platform, browser);
        await admin.GetByRole(AriaRole.Link, new() { Name = "Zaproś osobę" }).ClickAsync();
        await Accessibility.AssertNoWcagViolationsAsync(admin);
        await admin.GetByLabel("Imię i nazwisko").FillAsync(fullName);
        await admin.GetByLabel("Adres e-mail").FillAsync(email);
        await admin.GetByLabel("Rola").SelectOptionAsync(new SelectOptionValue { Label = roleLabel });
        if (terc is not null)
        {
            await admin.GetByLabel("Kod TERC JST (dla zespołu JST)").FillAsync(terc);
        }
        await admin.GetByRole(AriaRole.Button, new() { Name = "Wyślij zaproszenie" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync($"Zaproszenie wysłane do {email}");
        return admin;
    }

    /// <summary>Reads the invitation e-mail and returns its acceptance link, which goes through the gateway.</summary>
    public static async Task<string> AcceptLinkAsync(PlatformFixture platform, string email)
    {
        // The person may have had other mail first (a JST's coordinator gets the application's).
        static bool IsInvitation(MimeKit.MimeMessage m) => (m.Subject ?? "").Contains("zaproszenie", StringComparison.OrdinalIgnoreCase);
        var mails = await Cro.Tests.Infrastructure.Eventually.GetAsync(() => Task.FromResult(platform.Mail.ReceivedBy(email)),
            received => received.Any(IsInvitation), TimeSpan.FromSeconds(60), what: $"an invitation to {email}");
        var mail = mails.Single(IsInvitation);
        var link = AcceptLink().Match(mail.TextBody ?? "").Value;
        Assert.StartsWith(platform.GatewayAddress.ToString(), link);
        return link;
    }

    /// <summary>Opens the link on a fresh page, sets the password, acknowledges the information clause; ends on "Moje konto".</summary>
    public static async Task<IPage> AcceptAsync(BrowserFixture browser, PlatformFixture platform, string link, string password)
    {
        var invitee = await browser.NewPageAsync(platform.GatewayAddress);
        await invitee.GotoAsync(link);
        await Assertions.Expect(invitee.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Przyjęcie zaproszenia");
        await Accessibility.AssertNoWcagViolationsAsync(invitee);
        await invitee.GetByLabel("Nowe hasło").FillAsync(password);
        await invitee.GetByLabel("Powtórz hasło").FillAsync(password);
        await invitee.GetByLabel("Zapoznałem(-am) się z").CheckAsync();
        await invitee.GetByRole(AriaRole.Button, new() { Name = "Ustaw hasło i zaloguj się" }).ClickAsync();
        await Assertions.Expect(invitee.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Moje konto");
        return invitee;
    }

    [GeneratedRegex(@"https?://\S+/konto/zaproszenie\?\S+")]
    private static partial Regex AcceptLink();
}
