namespace Cro.EndToEnd.Tests;

/// <summary>Waiting in a page for what another service learns by event (an accepted team, a count of the indicators).</summary>
public static class PageReload
{
    /// <summary>Reloads <paramref name="page"/> until <paramref name="what"/> is on it, for up to 30 seconds.</summary>
    public static async Task ReloadUntilVisibleAsync(IPage page, ILocator what)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (await what.CountAsync() == 0 && DateTime.UtcNow < until)
        {
            await Task.Delay(500);
            await page.GotoAsync(page.Url);
        }
        await Assertions.Expect(what).ToBeVisibleAsync();
    }
}
