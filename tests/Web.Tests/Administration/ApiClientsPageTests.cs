namespace Cro.Web.Tests.Administration;

/// <summary>
/// The administration of partner API clients (/administracja/klienci-api): the list shows each client's JST limit, a new
/// client may be limited to JST typed one a line or comma-separated, and a client's page changes its name, scopes and limit.
/// </summary>
public sealed class ApiClientsPageTests : IDisposable
{
    private readonly WebWithFakeServices _web = new();

    public void Dispose() => _web.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string ClientsPath = "/api/identity/clients";

    private static object Client(string id, string name, string[] scopes, string[] jst) =>
        new { clientId = id, displayName = name, scopes, jstTercs = jst };

    private void TwoClients() => _web.Identity.Json(HttpMethod.Get, ClientsPath, new[]
    {
        Client("partner-members", "Związek Gmin Wiejskich", ["recruitment.read", "training.read"], ["0201022", "1465"]),
        Client("partner-all", "Związek Miast Polskich", ["indicators.read"], []),
    });

    [Fact]
    public async Task The_list_shows_each_clients_JST_limit_and_links_to_its_page()
    {
        TwoClients();

        var page = await WebWithFakeServices.PageAsync(await _web.Browser("admin").GetAsync("/administracja/klienci-api", Ct));

        Assert.Contains("0201022, 1465", page);
        Assert.Contains("wszystkie (bez ograniczenia)", page);
        Assert.Contains("href=\"/administracja/klienci-api/partner-members\"", page);
        Assert.Contains("Ogranicz do JST (kody TERC)", page);
    }

    [Fact]
    public async Task A_new_client_is_limited_to_the_JST_typed_one_a_line_or_comma_separated()
    {
        TwoClients();
        _web.Identity.Json(HttpMethod.Post, ClientsPath, new { clientId = "partner-new", clientSecret = "s3cret" }, HttpStatusCode.Created);

        var page = await WebWithFakeServices.PageAsync(await WebWithFakeServices.PostFormAsync(_web.Browser("admin"), "/administracja/klienci-api",
            "create-client", ("Create.DisplayName", "Związek Powiatów Polskich"), ("Create.Scopes", "recruitment.read"),
            ("Create.JstTercs", "0201022\r\n 1465, 0201032;0201022\n\n")));

        var sent = Assert.Single(_web.Identity.Sent(HttpMethod.Post, ClientsPath));
        Assert.Equal("Związek Powiatów Polskich", sent.GetProperty("displayName").GetString());
        Assert.Equal(["0201022", "1465", "0201032"], sent.GetProperty("jstTercs").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("partner-new", page);
    }

    [Fact]
    public async Task A_new_client_without_JST_is_not_limited()
    {
        TwoClients();
        _web.Identity.Json(HttpMethod.Post, ClientsPath, new { clientId = "partner-new", clientSecret = "s3cret" }, HttpStatusCode.Created);

        await WebWithFakeServices.PostFormAsync(_web.Browser("admin"), "/administracja/klienci-api", "create-client",
            ("Create.DisplayName", "Związek"), ("Create.Scopes", "recruitment.read"), ("Create.JstTercs", "  "));

        Assert.Empty(Assert.Single(_web.Identity.Sent(HttpMethod.Post, ClientsPath)).GetProperty("jstTercs").EnumerateArray());
    }

    [Fact]
    public async Task The_clients_page_starts_from_its_settings_and_saves_name_scopes_and_JST()
    {
        TwoClients();
        _web.Identity.Json(HttpMethod.Put, $"{ClientsPath}/partner-members",
            Client("partner-members", "Związek Gmin Wiejskich RP", ["training.read", "webhooks.manage"], ["0201032"]));
        var browser = _web.Browser("admin");

        var form = await WebWithFakeServices.PageAsync(await browser.GetAsync("/administracja/klienci-api/partner-members", Ct));
        var saved = await WebWithFakeServices.PageAsync(await WebWithFakeServices.PostFormAsync(browser, "/administracja/klienci-api/partner-members",
            "client-settings", ("Settings.DisplayName", "Związek Gmin Wiejskich RP"), ("Settings.Scopes", "training.read"),
            ("Settings.Scopes", "webhooks.manage"), ("Settings.JstTercs", "0201032")));

        Assert.Contains("value=\"Związek Gmin Wiejskich\"", form);
        Assert.Matches("id=\"scope-training.read\"[^>]*checked", form);
        Assert.DoesNotMatch("id=\"scope-indicators.read\"[^>]*checked", form);
        Assert.Contains("0201022\n1465</textarea>", form);
        var sent = Assert.Single(_web.Identity.Sent(HttpMethod.Put, $"{ClientsPath}/partner-members"));
        Assert.Equal("Związek Gmin Wiejskich RP", sent.GetProperty("displayName").GetString());
        Assert.Equal(["training.read", "webhooks.manage"], sent.GetProperty("scopes").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["0201032"], sent.GetProperty("jstTercs").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("Zapisano zmiany.", saved);
        Assert.Contains("0201032</textarea>", saved);
    }

    [Fact]
    public async Task A_refused_change_shows_identitys_reason_and_keeps_what_was_typed()
    {
        TwoClients();
        _web.Identity.Problem(HttpMethod.Put, $"{ClientsPath}/partner-members", HttpStatusCode.BadRequest, new
        {
            title = "Dane wejściowe są nieprawidłowe.", status = 400,
            errors = new Dictionary<string, string[]> { ["jstTercs[1]"] = ["„12345” nie jest kodem TERC JST (2, 4 lub 7 cyfr)."] },
        });

        var page = await WebWithFakeServices.PageAsync(await WebWithFakeServices.PostFormAsync(_web.Browser("admin"),
            "/administracja/klienci-api/partner-members", "client-settings", ("Settings.DisplayName", "Związek Gmin Wiejskich"),
            ("Settings.Scopes", "recruitment.read"), ("Settings.JstTercs", "0201022\n12345")));

        Assert.Contains("Nie zapisano zmian:", page);
        Assert.Contains("„12345” nie jest kodem TERC JST", page);
        Assert.Contains("0201022\n12345</textarea>", page);
        Assert.DoesNotContain("Zapisano zmiany.", page);
    }

    [Fact]
    public async Task An_unknown_client_is_said_so_and_the_page_is_for_administrators_only()
    {
        TwoClients();

        var page = await WebWithFakeServices.PageAsync(await _web.Browser("admin").GetAsync("/administracja/klienci-api/partner-gone", Ct));
        var operatorAnswer = await _web.Browser("operator").GetAsync("/administracja/klienci-api/partner-members", Ct);

        Assert.Contains("Nie ma klienta API partner-gone.", page);
        Assert.DoesNotContain("name=\"Settings.JstTercs\"", page);
        Assert.NotEqual(HttpStatusCode.OK, operatorAnswer.StatusCode);
        Assert.DoesNotContain(_web.Identity.Requests, r => r.Method == "PUT");
    }
}
