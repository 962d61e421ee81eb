namespace Cro.EndToEnd.Tests;

/// <summary>An operator invites a person; the person opens the e-mailed link, sets a password and is signed in.</summary>
public sealed class InvitationTests(PlatformFixture platform, BrowserFixture browser)
{
    [Fact]
    public async Task Invited_person_sets_a_password_from_the_emailed_link_and_is_signed_in()
    {
        var email = $"zofia.kowalska.{Guid.NewGuid():N}@gdansk.test";
        await Invitations.InviteAsync(platform, browser, "Zofia Kowalska", email, "koordynator JST", "2261011");

        var link = await Invitations.AcceptLinkAsync(platform, email);
        // The mail names the JST (looked up in the registry when the operator invites) and gives the operator's contact.
        var mail = (await platform.Mail.WaitForAsync(email, within: TimeSpan.FromSeconds(60))).Single();
        Assert.Contains("koordynator JST Gdańsk.", mail.TextBody);
        Assert.Contains("pomoc@cro.local", mail.TextBody);
        var invitee = await Invitations.AcceptAsync(browser, platform, link, "zielona łąka nad Motławą");

        await Assertions.Expect(invitee.GetByTestId("name")).ToHaveTextAsync("Zofia Kowalska");
        await Assertions.Expect(invitee.GetByText("koordynator JST", new() { Exact = true })).ToBeVisibleAsync();
        // "Moje konto" names the JST, with its code beside.
        await Assertions.Expect(invitee.GetByTestId("jst")).ToContainTextAsync("Gdańsk");
        await Assertions.Expect(invitee.GetByTestId("jst")).ToContainTextAsync("2261011");
        await Accessibility.AssertNoWcagViolationsAsync(invitee);

        // The link worked once; opened again, it is refused.
        await invitee.GotoAsync(link);
        await Assertions.Expect(invitee.GetByRole(AriaRole.Alert)).ToContainTextAsync("Łącze jest nieprawidłowe");
    }
}
