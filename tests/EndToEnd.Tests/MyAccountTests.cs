namespace Cro.EndToEnd.Tests;

/// <summary>"Moje konto": the session outlives its access token, the person downloads their data and asks for erasure.</summary>
public sealed class MyAccountTests(PlatformFixture platform, BrowserFixture browser)
{
    [Fact]
    public async Task Person_keeps_working_past_the_access_token_downloads_their_data_and_asks_for_erasure()
    {
        var email = $"marek.wisniewski.{Guid.NewGuid():N}@torun.test";
        await Invitations.InviteAsync(platform, browser, "Marek Wiśniewski", email, "członek zespołu zadaniowego", "0463011");
        var page = await Invitations.AcceptAsync(browser, platform, await Invitations.AcceptLinkAsync(platform, email), "toruński piernik z miodem");

        // Access tokens live 65 s here and the web refreshes them in their last minute: after a few
        // seconds the next request buys a new pair and rewrites the session cookie.
        var before = await SessionCookieAsync(page);
        await Task.Delay(TimeSpan.FromSeconds(6), TestContext.Current.CancellationToken);
        await page.ReloadAsync();
        Assert.NotEqual(before, await SessionCookieAsync(page));
        await Accessibility.AssertNoWcagViolationsAsync(page);

        // The web gathers the file from eight services one after another; on two cores busy with the rest of the suite that
        // took longer than Playwright's 30 s once.
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Pobierz moje dane (JSON)" }).ClickAsync(), new() { Timeout = 90_000 });
        using var data = JsonDocument.Parse(await File.ReadAllTextAsync((await download.PathAsync())!, TestContext.Current.CancellationToken));
        var account = data.RootElement.GetProperty("accountsAndAccess").GetProperty("account");
        Assert.Equal("Marek Wiśniewski", account.GetProperty("fullName").GetString());
        Assert.Equal(email, account.GetProperty("email").GetString());
        Assert.Contains(data.RootElement.GetProperty("accountsAndAccess").GetProperty("consents").EnumerateArray(),
            c => c.GetProperty("kind").GetString() == "information-clause");
        Assert.Contains(data.RootElement.GetProperty("emails").GetProperty("mails").EnumerateArray(),
            m => m.GetProperty("recipient").GetString() == email && m.GetProperty("kind").GetString() == "invitation");

        await page.GetByLabel("Uzasadnienie (nieobowiązkowe)").FillAsync("Zmieniam pracę.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Wyślij żądanie usunięcia danych" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Żądanie przyjęte");
        await page.GetByRole(AriaRole.Button, new() { Name = "Wyślij żądanie usunięcia danych" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("czeka na realizację");
    }

    private static async Task<string> SessionCookieAsync(IPage page) =>
        string.Join("", (await page.Context.CookiesAsync()).Where(c => c.Name.StartsWith("cro.web", StringComparison.Ordinal)
            && !c.Name.Contains("antiforgery", StringComparison.Ordinal)).OrderBy(c => c.Name).Select(c => c.Value));
}
