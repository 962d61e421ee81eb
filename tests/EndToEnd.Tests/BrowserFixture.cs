[assembly: AssemblyFixture(typeof(Cro.EndToEnd.Tests.BrowserFixture))]

namespace Cro.EndToEnd.Tests;

/// <summary>Debian's Chromium, headless, driven by Playwright; one browser for the assembly, a fresh page per test.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async ValueTask InitializeAsync()
    {
        // Two cores run the whole platform and the browser: first requests (JIT, token endpoint) take a while.
        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CRO_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            // The machine has no network beyond loopback and no sandboxing as root.
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <param name="javaScriptEnabled">False for a browser that runs no script at all: the site must work without it.</param>
    public async Task<IPage> NewPageAsync(Uri baseAddress, bool javaScriptEnabled = true)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            JavaScriptEnabled = javaScriptEnabled,
        });
        var page = await context.NewPageAsync();
        ContentSecurityPolicy.Watch(page);
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
    }
}
