using System.Net;
using System.Net.Http.Json;

namespace Cro.EndToEnd.Tests;

/// <summary>
/// The administrators' and operators' pages in a real browser, through the gateway: people and their
/// roles, partner API clients, the audit log with its CSV, and erasure requests. Plain forms and links
/// only, so each step is what a browser without JavaScript would do too.
/// </summary>
public sealed class AdministrationPagesTests(PlatformFixture platform, BrowserFixture browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Administrator_creates_an_API_client_sees_its_secret_once_rotates_it_and_deletes_the_client()
    {
        var page = await SignInFlow.AdministratorAsync(platform, browser);
        var name = $"Związek Gmin Testowych {Guid.NewGuid():N}"[..32];

        await page.GetByRole(AriaRole.Link, new() { Name = "Klienci API", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Klienci API");
        await Accessibility.AssertNoWcagViolationsAsync(page);
        var (clientId, secret) = await CreateClientAsync(page, name);
        await Accessibility.AssertNoWcagViolationsAsync(page);
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = clientId });
        await Assertions.Expect(row).ToContainTextAsync(name);
        await Assertions.Expect(row).ToContainTextAsync("recruitment.read");
        await Assertions.Expect(row).ToContainTextAsync("indicators.read");
        Assert.Equal(HttpStatusCode.OK, await TokenStatusAsync(clientId, secret));
        await PartnerCallsAsync(clientId, secret);

        // Opened again, the page shows the client but never its secret.
        await page.GotoAsync("/administracja/klienci-api");
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("client-secret")).ToHaveCountAsync(0);
        Assert.DoesNotContain(secret, await page.ContentAsync(), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Button, new() { Name = $"Nowy sekret dla {name}" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("sekret nie zostanie pokazany ponownie");
        var rotated = await page.GetByTestId("client-secret").InnerTextAsync();
        Assert.NotEqual(secret, rotated);
        Assert.Equal(HttpStatusCode.OK, await TokenStatusAsync(clientId, rotated));
        Assert.NotEqual(HttpStatusCode.OK, await TokenStatusAsync(clientId, secret));

        // Deleting asks first, on a page of its own state; the client stays until the second button.
        await page.GetByRole(AriaRole.Button, new() { Name = $"Usuń klienta {name}" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Usunąć klienta API „{name}”?" })).ToBeVisibleAsync();
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Accessibility.AssertNoWcagViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Tak, usuń klienta" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Usunięto klienta API „{name}”.");
        await Assertions.Expect(row).ToHaveCountAsync(0);
        Assert.NotEqual(HttpStatusCode.OK, await TokenStatusAsync(clientId, rotated));
    }

    [Fact]
    public async Task People_list_shows_the_administrator_filters_by_role_and_an_administrator_changes_a_persons_roles()
    {
        var page = await SignInFlow.AdministratorAsync(platform, browser);
        var fullName = $"Tadeusz Zmieniany {Guid.NewGuid():N}"[..26];
        var email = $"tadeusz.{Guid.NewGuid():N}@sopot.test";
        await InviteAsync(page, fullName, email);

        await page.GetByRole(AriaRole.Link, new() { Name = "Osoby", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Osoby");
        await Accessibility.AssertNoWcagViolationsAsync(page);

        await page.GetByLabel("Rola", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "administrator" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Szukaj" }).ClickAsync();
        var administrator = page.GetByRole(AriaRole.Row).Filter(new() { HasText = PlatformFixture.AdminEmail });
        await Assertions.Expect(administrator).ToContainTextAsync("administrator");
        await Assertions.Expect(administrator).ToContainTextAsync("aktywne");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = email })).ToHaveCountAsync(0);

        await page.GetByLabel("Rola", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "wszystkie" });
        await page.GetByLabel("Imię, nazwisko lub e-mail").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Szukaj" }).ClickAsync();
        var invited = page.GetByRole(AriaRole.Row).Filter(new() { HasText = email });
        await Assertions.Expect(invited).ToContainTextAsync("członek zespołu zadaniowego");
        await Assertions.Expect(invited).ToContainTextAsync("2261011");
        await Assertions.Expect(invited).ToContainTextAsync("zaproszenie oczekuje");

        await invited.GetByRole(AriaRole.Link, new() { Name = fullName }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Role i JST: {fullName}");
        await Accessibility.AssertNoWcagViolationsAsync(page);
        await page.GetByLabel("koordynator JST", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("członek zespołu zadaniowego", new() { Exact = true }).UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Zapisz zmiany" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Zapisano role i JST.");
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("koordynator JST");
        await Assertions.Expect(page.GetByLabel("koordynator JST", new() { Exact = true })).ToBeCheckedAsync();

        // A trainer has no JST: the service refuses the code, the page says why and keeps the choice.
        await page.GetByLabel("trener", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("koordynator JST", new() { Exact = true }).UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Zapisz zmiany" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Kod JST podaje się tylko dla ról zespołu JST.");
        await Assertions.Expect(page.GetByLabel("trener", new() { Exact = true })).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("koordynator JST");
        await Accessibility.AssertNoWcagViolationsAsync(page);
    }

    [Fact]
    public async Task Audit_log_shows_the_creation_of_an_API_client_and_downloads_the_log_as_CSV()
    {
        var page = await SignInFlow.AdministratorAsync(platform, browser);
        await page.GotoAsync("/administracja/klienci-api");
        var (clientId, _) = await CreateClientAsync(page, $"Partner do dziennika {Guid.NewGuid():N}"[..30]);

        await page.GetByRole(AriaRole.Link, new() { Name = "Dziennik zdarzeń", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Dziennik zdarzeń");
        await Accessibility.AssertNoWcagViolationsAsync(page);

        // Days are Warsaw days: yesterday to today covers the entry whatever the time zone of this machine.
        var today = PlatformTime.Today;
        await page.GetByLabel("Rodzaj zdarzenia").SelectOptionAsync(new SelectOptionValue { Label = "Utworzenie klienta API" });
        await page.GetByLabel("Od dnia").FillAsync(today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Do dnia (włącznie)").FillAsync(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Pokaż" }).ClickAsync();
        var entry = page.GetByRole(AriaRole.Row).Filter(new() { HasText = clientId });
        await Assertions.Expect(entry).ToContainTextAsync("Utworzenie klienta API");
        await Assertions.Expect(entry).ToContainTextAsync("Administrator");
        await Accessibility.AssertNoWcagViolationsAsync(page);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Pobierz CSV" }).ClickAsync());
        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        // File.ReadAllLinesAsync drops the byte order mark the export starts with for Excel.
        var lines = await File.ReadAllLinesAsync((await download.PathAsync())!, Ct);
        Assert.StartsWith("id,czas_utc", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, line => line.Contains(clientId, StringComparison.Ordinal) && line.Contains("client.created", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Erasure_requests_page_lists_pending_requests_or_says_there_are_none()
    {
        var page = await SignInFlow.AdministratorAsync(platform, browser);

        await page.GetByRole(AriaRole.Link, new() { Name = "Usuwanie danych", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Żądania usunięcia danych");
        await Assertions.Expect(page.GetByText("Nie ma oczekujących żądań usunięcia danych.")
            .Or(page.GetByRole(AriaRole.Table, new() { Name = "Oczekujące żądania usunięcia danych, od najstarszych" }))).ToBeVisibleAsync();
        await Accessibility.AssertNoWcagViolationsAsync(page);
    }


    /// <summary>Creates a client with two scopes on the API clients page and reads the id and secret it shows.</summary>
    /// <summary>Creates a partner API client on the open "Klienci API" page with these scopes (recruitment.read and indicators.read if none).</summary>
    internal static async Task<(string ClientId, string Secret)> CreateClientAsync(IPage page, string name, params string[] scopes)
    {
        await page.GetByLabel("Nazwa klienta").FillAsync(name);
        foreach (var scope in scopes.Length == 0 ? ["recruitment.read", "indicators.read"] : scopes)
        {
            await page.GetByRole(AriaRole.Checkbox, new() { Name = scope }).CheckAsync();
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Utwórz klienta" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Skopiuj teraz — sekret nie zostanie pokazany ponownie.");
        return (await page.GetByTestId("client-id").InnerTextAsync(), await page.GetByTestId("client-secret").InnerTextAsync());
    }

    private static async Task InviteAsync(IPage page, string fullName, string email)
    {
        await page.GotoAsync("/administracja/zaproszenia");
        await page.GetByLabel("Imię i nazwisko").FillAsync(fullName);
        await page.GetByLabel("Adres e-mail").FillAsync(email);
        await page.GetByLabel("Rola").SelectOptionAsync(new SelectOptionValue { Label = "członek zespołu zadaniowego" });
        await page.GetByLabel("Kod TERC JST (dla zespołu JST)").FillAsync("2261011");
        await page.GetByRole(AriaRole.Button, new() { Name = "Wyślij zaproszenie" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Zaproszenie wysłane do {email}");
    }

    /// <summary>
    /// The partner's program through the gateway with a real token from identity: a call its scope allows
    /// succeeds, the same call with a token of another scope is 403, and without a token 401.
    /// </summary>
    private async Task PartnerCallsAsync(string clientId, string secret)
    {
        var rounds = await platform.Gateway.GetFromJsonAsync<JsonElement>("/api/recruitment/rounds", Ct);
        var path = rounds.GetArrayLength() > 0 ? $"/api/recruitment/rounds/{rounds[0].GetProperty("id").GetGuid()}/statistics"
            : $"/api/recruitment/rounds/{Guid.NewGuid()}/statistics";
        async Task<HttpStatusCode> CallAsync(string? scope)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (scope is not null)
            {
                request.Headers.Authorization = new("Bearer", await PartnerTokenAsync(clientId, secret, scope));
            }
            return (await platform.Gateway.SendAsync(request, Ct)).StatusCode;
        }

        // 404 for a round that does not exist still means the token was accepted.
        Assert.Contains(await CallAsync("recruitment.read"), new[] { HttpStatusCode.OK, HttpStatusCode.NotFound });
        Assert.Equal(HttpStatusCode.Forbidden, await CallAsync("indicators.read"));
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(null));
    }

    private async Task<string> PartnerTokenAsync(string clientId, string secret, string scope)
    {
        using var response = await platform.Gateway.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
            ["scope"] = scope,
        }), Ct);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("access_token").GetString()!;
    }

    /// <summary>What the token endpoint answers the partner's program for these credentials.</summary>
    private async Task<HttpStatusCode> TokenStatusAsync(string clientId, string secret)
    {
        using var response = await platform.Gateway.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
            ["scope"] = "recruitment.read",
        }), Ct);
        return response.StatusCode;
    }
}
