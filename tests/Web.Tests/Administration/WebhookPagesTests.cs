using System.Text.Json;
using System.Text.RegularExpressions;
using Cro.Web.Account.Api;

namespace Cro.Web.Tests.Administration;

/// <summary>
/// The partner's webhooks as ORE manages them, against a fake notifications service: a client's endpoints listed and one
/// registered (its secret shown once, on that answer only), stopped and resumed, a new secret with its overlap; an
/// endpoint's delivery log filtered and paged, a delivery and a Warsaw time range sent again; the dashboard's section of
/// failing endpoints, and the dashboard still there when notifications does not answer.
/// </summary>
public sealed class WebhookPagesTests : IDisposable
{
    private const string Client = "zpp-nabor";
    private const string Endpoints = "/api/notifications/webhooks/endpoints";
    private static readonly Guid EndpointId = Guid.NewGuid();
    private static readonly Guid DeliveryId = Guid.NewGuid();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static string Page => $"/administracja/klienci-api/{Client}/webhooki";
    private static string LogPage => $"{Page}/{EndpointId}";
    private static string Api => $"{Endpoints}/{EndpointId}";

    private readonly WebWithFakeServices _web = new();

    public void Dispose() => _web.Dispose();

    private static WebhookEndpoint Endpoint(bool enabled = true, string? reason = null) => new()
    {
        Id = EndpointId, ClientId = Client, Url = "https://zpp.example.pl/webhooki", Description = "System naboru ZPP",
        EventTypes = ["application.submitted", "training.module-completed"], Enabled = enabled, DisabledReason = reason,
        DisabledAt = enabled ? null : new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero), CreatedAt = new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero),
        Secrets =
        [
            new() { Id = Guid.NewGuid(), CreatedAt = new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero), ExpiresAt = new DateTimeOffset(2026, 12, 8, 11, 0, 0, TimeSpan.Zero) },
            new() { Id = Guid.NewGuid(), CreatedAt = new DateTimeOffset(2026, 12, 7, 11, 0, 0, TimeSpan.Zero), ExpiresAt = null },
        ],
    };

    private static WebhookDelivery Delivery(string status = "pending") => new()
    {
        Id = DeliveryId, WebhookId = Guid.NewGuid(), EventType = "application.submitted", JstTerc = "1206011", Sequence = 42,
        OccurredAt = new DateTimeOffset(2026, 12, 1, 9, 30, 0, TimeSpan.Zero), Status = status, Attempts = 3, LastStatusCode = 503, LastError = null,
        NextAttemptAt = status == "pending" ? new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero) : null, DeliveredAt = null,
    };

    [Fact]
    public async Task The_list_shows_each_endpoint_and_registering_one_shows_its_secret_once()
    {
        _web.Notifications.Json(HttpMethod.Get, $"{Endpoints}?clientId={Client}", new[] { Endpoint(enabled: false, reason: "gone") });
        _web.Notifications.Json(HttpMethod.Post, Endpoints, new WebhookEndpointCreated { Endpoint = Endpoint(), Secret = "whsec_tylkoteraz" },
            HttpStatusCode.Created);
        _web.Notifications.Json(HttpMethod.Get, "/api/notifications/webhooks/catalogue/event-types", Catalogue);
        var browser = _web.Browser(Roles.Admin);

        var list = await WebWithFakeServices.PageAsync(await browser.GetAsync(Page, Ct));
        Assert.Contains("https://zpp.example.pl/webhooki", list);
        Assert.Contains("System naboru ZPP", list);
        Assert.Contains("<code>training.module-completed</code>", list);
        Assert.Contains("wstrzymany (odbiorca odpowiedział 410 Gone), 20 listopada 2026, 10:00", list);
        Assert.Contains("podpisuje do 8 grudnia 2026, 12:00", list);
        Assert.Contains("obecny (bez terminu)", list);
        Assert.Contains($"href=\"{LogPage}\"", list);
        Assert.Contains("href=\"/administracja/klienci-api\"", list); // an administrator goes back to the clients
        Assert.Contains($"name=\"_handler\" value=\"enable-{EndpointId}\"", list);
        Assert.DoesNotContain("whsec_", list);
        // The catalogue's types as boxes, grouped by module, each with its Polish description and the scope it needs.
        Assert.Equal(2, Regex.Matches(list, "data-testid=\"event-module\"").Count);
        Assert.Contains("<legend>Nabór</legend>", list);
        Assert.Contains("<legend>Szkolenia</legend>", list);
        Assert.Contains("name=\"Register.Types\" value=\"training.module-completed\"", list);
        Assert.Contains("<code>application.submitted</code> — JST złożyła wniosek.", list);
        Assert.DoesNotContain("A JST submitted", list);
        Assert.Contains("<code>training.read</code>", list);

        var response = await WebWithFakeServices.PostFormAsync(browser, Page, "register", ("Register.Url", " https://zpp.example.pl/webhooki "),
            ("Register.Description", "System naboru ZPP"), ("Register.Types", "application.submitted"), ("Register.Types", "training.module-completed"));
        var html = await WebWithFakeServices.PageAsync(response);

        Assert.Contains("<code data-testid=\"webhook-secret\">whsec_tylkoteraz</code>", html);
        Assert.Contains("sekret jest pokazywany tylko ten jeden raz", html);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var sent = Assert.Single(_web.Notifications.Sent(HttpMethod.Post, Endpoints));
        Assert.Equal("https://zpp.example.pl/webhooki", sent.GetProperty("url").GetString());
        Assert.Equal(Client, sent.GetProperty("clientId").GetString());
        Assert.Equal(["application.submitted", "training.module-completed"], sent.GetProperty("eventTypes").EnumerateArray().Select(t => t.GetString()));

        // The secret lives on that one answer: the page opened again does not have it.
        Assert.DoesNotContain("whsec_", await browser.GetStringAsync(Page, Ct));
    }

    private static readonly WebhookEventTypeEntry[] Catalogue =
    [
        new() { Name = "application.submitted", Module = "recruitment", Scope = "recruitment.read", Description = "JST złożyła wniosek. / A JST submitted an application.", Since = 1 },
        new() { Name = "application.accepted", Module = "recruitment", Scope = "recruitment.read", Description = "Wniosek JST przyjęto. / A JST's application was accepted.", Since = 1 },
        new() { Name = "training.module-completed", Module = "training", Scope = "training.read", Description = "Ukończono moduł. / A module was completed.", Since = 1 },
    ];

    [Fact]
    public async Task A_refused_registration_keeps_the_boxes_ticked_and_says_why_beside_them()
    {
        _web.Notifications.Json(HttpMethod.Get, $"{Endpoints}?clientId={Client}", Array.Empty<WebhookEndpoint>());
        _web.Notifications.Json(HttpMethod.Get, "/api/notifications/webhooks/catalogue/event-types", Catalogue);
        _web.Notifications.Problem(HttpMethod.Post, Endpoints, HttpStatusCode.BadRequest, new
        {
            title = "Popraw dane.", status = 400,
            errors = new Dictionary<string, string[]> { ["eventTypes"] = ["Klient API nie ma zakresu potrzebnego do zdarzeń: training.module-completed (training.read)."] },
        });
        var browser = _web.Browser(Roles.Operator);

        var html = await WebWithFakeServices.PageAsync(await WebWithFakeServices.PostFormAsync(browser, Page, "register",
            ("Register.Url", "https://zpp.example.pl/webhooki"), ("Register.Types", "training.module-completed")));

        Assert.Contains("<p id=\"register-eventTypes-error\" class=\"field-error\"><span class=\"visually-hidden\">Błąd: </span>Klient API nie ma zakresu", html);
        Assert.Contains($"{Page}#register-eventTypes\"", html);
        Assert.Matches("value=\"training.module-completed\"\\s+checked", html);
        Assert.DoesNotMatch("value=\"application.submitted\"\\s+checked", html);
    }

    [Fact]
    public async Task Without_the_catalogue_the_names_are_typed_and_a_refusal_stands_beside_them()
    {
        _web.Notifications.Json(HttpMethod.Get, $"{Endpoints}?clientId={Client}", Array.Empty<WebhookEndpoint>());
        _web.Notifications.Problem(HttpMethod.Post, Endpoints, HttpStatusCode.BadRequest, new
        {
            title = "Popraw dane.", status = 400,
            errors = new Dictionary<string, string[]> { ["eventTypes[0]"] = ["Katalog nie zna zdarzenia „application.lost”."] },
        });
        var browser = _web.Browser(Roles.Operator);

        var response = await WebWithFakeServices.PostFormAsync(browser, Page, "register", ("Register.Url", "https://zpp.example.pl/webhooki"),
            ("Register.Description", ""), ("Register.EventTypes", "application.lost"));
        var html = await WebWithFakeServices.PageAsync(response);

        Assert.Contains("Nie zarejestrowano punktu odbioru", html);
        Assert.Contains("<p id=\"register-eventTypes-error\" class=\"field-error\"><span class=\"visually-hidden\">Błąd: </span>Katalog nie zna zdarzenia „application.lost”.</p>", html);
        Assert.Contains($"{Page}#register-eventTypes\"", html);
        Assert.Contains(">application.lost</textarea>", html);
        Assert.Equal(JsonValueKind.Null, Assert.Single(_web.Notifications.Sent(HttpMethod.Post, Endpoints)).GetProperty("description").ValueKind);
    }

    [Fact]
    public async Task An_endpoint_is_stopped_and_resumed_by_its_buttons()
    {
        _web.Notifications.Json(HttpMethod.Get, $"{Endpoints}?clientId={Client}", new[] { Endpoint() });
        _web.Notifications.Json(HttpMethod.Post, $"{Api}/disable", Endpoint(enabled: false, reason: "operator"));
        _web.Notifications.Json(HttpMethod.Post, $"{Api}/enable", Endpoint());
        var browser = _web.Browser(Roles.Operator);

        Assert.Contains("Wróć do pulpitu ORE", await browser.GetStringAsync(Page, Ct)); // an operator, to the dashboard
        var stopped = await WebWithFakeServices.PostFormAsync(browser, Page, $"disable-{EndpointId}");

        Assert.Equal(HttpStatusCode.Redirect, stopped.StatusCode);
        Assert.Equal($"{Page}?zrobiono=wstrzymano", stopped.Headers.Location?.OriginalString.Replace("http://localhost", ""));
        Assert.Single(_web.Notifications.Requests, r => r.Method == "POST" && r.Path == $"{Api}/disable");

        _web.Notifications.Json(HttpMethod.Get, $"{Endpoints}?clientId={Client}", new[] { Endpoint(enabled: false, reason: "operator") });
        var resumed = await WebWithFakeServices.PostFormAsync(browser, Page, $"enable-{EndpointId}");

        Assert.Equal(HttpStatusCode.Redirect, resumed.StatusCode);
        Assert.Single(_web.Notifications.Requests, r => r.Method == "POST" && r.Path == $"{Api}/enable");
        var after = await WebWithFakeServices.PageAsync(await browser.GetAsync($"{Page}?zrobiono=wznowiono", Ct));
        Assert.Contains("Wznowiono wysyłkę", after);
    }

    [Fact]
    public async Task A_new_secret_is_made_with_the_overlap_typed_and_shown_once()
    {
        _web.Notifications.Json(HttpMethod.Get, $"{Endpoints}?clientId={Client}", new[] { Endpoint() });
        _web.Notifications.Json(HttpMethod.Post, $"{Api}/secret", new WebhookSecretRotated
        {
            Secret = "whsec_nowy", PreviousValidUntil = new DateTimeOffset(2026, 12, 9, 11, 0, 0, TimeSpan.Zero),
        });
        var browser = _web.Browser(Roles.Operator);

        var html = await WebWithFakeServices.PageAsync(await WebWithFakeServices.PostFormAsync(browser, Page, $"rotate-{EndpointId}", ("overlapHours", "48")));

        Assert.Contains("<code data-testid=\"webhook-secret\">whsec_nowy</code>", html);
        Assert.Contains("9 grudnia 2026, 12:00", html);
        Assert.Equal(48, Assert.Single(_web.Notifications.Sent(HttpMethod.Post, $"{Api}/secret")).GetProperty("overlapHours").GetInt32());
    }

    [Fact]
    public async Task An_endpoint_is_removed_only_after_its_confirmation()
    {
        _web.Notifications.Json(HttpMethod.Get, $"{Endpoints}?clientId={Client}", new[] { Endpoint() });
        _web.Notifications.Json(HttpMethod.Delete, Api, new { }, HttpStatusCode.NoContent);
        var browser = _web.Browser(Roles.Admin);

        var asked = await WebWithFakeServices.PageAsync(await WebWithFakeServices.PostFormAsync(browser, Page, $"delete-{EndpointId}"));
        Assert.Contains("Usunąć punkt odbioru https://zpp.example.pl/webhooki?", asked);
        Assert.DoesNotContain(_web.Notifications.Requests, r => r.Method == "DELETE");

        // The confirmation form exists only on that answer, so it is posted from there, as the browser would.
        Assert.Contains("name=\"_handler\" value=\"confirm-delete\"", asked);
        var token = Regex.Match(asked, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var removed = await browser.PostAsync(Page, new FormUrlEncodedContent(
        [
            new("_handler", "confirm-delete"), new("__RequestVerificationToken", token), new("DeleteEndpointId", EndpointId.ToString()),
        ]), Ct);

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Single(_web.Notifications.Requests, r => r.Method == "DELETE" && r.Path == Api);
    }

    [Fact]
    public async Task The_delivery_log_filters_pages_and_sends_a_delivery_and_a_warsaw_time_range_again()
    {
        var older = Guid.NewGuid();
        _web.Notifications.Json(HttpMethod.Get, Api, Endpoint());
        _web.Notifications.Json(HttpMethod.Get, $"{Api}/deliveries?status=pending&limit=50", new WebhookDeliveryPage { Items = [Delivery()], Next = older });
        _web.Notifications.Json(HttpMethod.Post, $"{Api}/deliveries/{DeliveryId}/replay", Delivery(), HttpStatusCode.Accepted);
        _web.Notifications.Json(HttpMethod.Post, $"{Api}/replay", new WebhookReplayResult { Deliveries = 7 }, HttpStatusCode.Accepted);
        var browser = _web.Browser(Roles.Operator);
        var page = $"{LogPage}?stan=pending";

        var html = await WebWithFakeServices.PageAsync(await browser.GetAsync(page, Ct));
        Assert.Contains("<code>application.submitted</code>", html);
        Assert.Contains("1 grudnia 2026, 10:30", html); // occurred, Warsaw time
        Assert.Contains("1206011", html);
        Assert.Contains("<td>42</td>", html);
        Assert.Contains("czeka na wysłanie", html);
        Assert.Contains("HTTP 503", html);
        Assert.Contains("1 grudnia 2026, 11:00", html); // next try
        Assert.Contains($"href=\"{LogPage}?stan=pending&amp;przed={older}\"", await browser.GetStringAsync(page, Ct));
        Assert.Contains($"href=\"{LogPage}/doreczenia/{DeliveryId}\"", html);
        Assert.Matches(new Regex("<option value=\"pending\" selected"), html);

        var one = await WebWithFakeServices.PageAsync(await WebWithFakeServices.PostFormAsync(browser, page, $"replay-{DeliveryId}"));
        Assert.Contains("pójdzie ponownie za chwilę", one);
        Assert.Single(_web.Notifications.Requests, r => r.Method == "POST" && r.Path == $"{Api}/deliveries/{DeliveryId}/replay");

        // 30 March 2026 is summer time (UTC+2), 20 March winter time (UTC+1): each end keeps its own offset.
        var range = await WebWithFakeServices.PageAsync(await WebWithFakeServices.PostFormAsync(browser, page, "replay-range",
            ("Range.From", "2026-03-20T08:00"), ("Range.To", "2026-03-30T08:00")));
        Assert.Contains("doręczeń: 7", range);
        var sent = Assert.Single(_web.Notifications.Sent(HttpMethod.Post, $"{Api}/replay"));
        Assert.Equal(new DateTimeOffset(2026, 3, 20, 7, 0, 0, TimeSpan.Zero), sent.GetProperty("from").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 6, 0, 0, TimeSpan.Zero), sent.GetProperty("to").GetDateTimeOffset());
        Assert.Equal(TimeSpan.Zero, sent.GetProperty("from").GetDateTimeOffset().Offset);
    }

    [Fact]
    public async Task A_range_that_ends_before_it_starts_is_refused_beside_its_field_and_nothing_is_sent()
    {
        _web.Notifications.Json(HttpMethod.Get, Api, Endpoint());
        _web.Notifications.Json(HttpMethod.Get, $"{Api}/deliveries?limit=50", new WebhookDeliveryPage { Items = [], Next = null });
        var browser = _web.Browser(Roles.Operator);

        var html = await WebWithFakeServices.PageAsync(await WebWithFakeServices.PostFormAsync(browser, LogPage, "replay-range",
            ("Range.From", "2026-03-20T08:00"), ("Range.To", "2026-03-20T07:00")));

        Assert.Contains("<p id=\"range-to-error\" class=\"field-error\">", html);
        Assert.Contains("value=\"2026-03-20T08:00\"", html);
        Assert.DoesNotContain(_web.Notifications.Requests, r => r.Method == "POST");
    }

    [Fact]
    public async Task A_delivery_shows_its_attempts_and_payload_and_is_sent_again()
    {
        _web.Notifications.Json(HttpMethod.Get, $"{Api}/deliveries/{DeliveryId}", new WebhookDeliveryDetail
        {
            Delivery = Delivery("failed"), Body = """{"type":"application.submitted","data":{"jstTerc":"1206011"}}""",
            Attempts =
            [
                new() { AttemptedAt = new DateTimeOffset(2026, 12, 1, 9, 30, 5, TimeSpan.Zero), StatusCode = 503, Error = null, DurationMs = 120 },
                new() { AttemptedAt = new DateTimeOffset(2026, 12, 1, 9, 31, 5, TimeSpan.Zero), StatusCode = null, Error = "timeout", DurationMs = 10000 },
            ],
        });
        _web.Notifications.Json(HttpMethod.Post, $"{Api}/deliveries/{DeliveryId}/replay", Delivery(), HttpStatusCode.Accepted);
        var browser = _web.Browser(Roles.Operator);
        var page = $"{LogPage}/doreczenia/{DeliveryId}";

        var html = await WebWithFakeServices.PageAsync(await browser.GetAsync(page, Ct));
        Assert.Contains("nieudane (zaniechane)", html);
        Assert.Contains("HTTP 503", html);
        Assert.Contains("<td>timeout</td>", html);
        Assert.Contains("<td>10000</td>", html);
        Assert.Contains("\"jstTerc\": \"1206011\"", html); // indented for reading

        var replayed = await WebWithFakeServices.PageAsync(await WebWithFakeServices.PostFormAsync(browser, page, "replay"));
        Assert.Contains("pójdzie ponownie za chwilę", replayed);
        Assert.Single(_web.Notifications.Requests, r => r.Method == "POST" && r.Path == $"{Api}/deliveries/{DeliveryId}/replay");
    }

    [Fact]
    public async Task The_dashboard_lists_failing_endpoints_with_a_link_to_their_log()
    {
        _web.Notifications.Json(HttpMethod.Get, "/api/notifications/webhooks/failing", new[]
        {
            new FailingWebhookEndpoint
            {
                Id = EndpointId, ClientId = Client, ClientName = "Związek Powiatów Polskich", Url = "https://zpp.example.pl/webhooki", Enabled = true,
                DisabledReason = null, RetryingDeliveries = 4, FailedDeliveries = 2, FailingSince = new DateTimeOffset(2026, 12, 6, 23, 15, 0, TimeSpan.Zero),
                LastStatusCode = 500, LastError = "Internal Server Error",
            },
        });
        var browser = _web.Browser(Roles.Operator);

        var html = await WebWithFakeServices.PageAsync(await browser.GetAsync("/administracja", Ct));

        Assert.Contains("Webhooki partnera z błędami", html);
        Assert.Contains("Związek Powiatów Polskich", html);
        Assert.Contains($"href=\"{LogPage}\"", html);
        Assert.Contains("<td>4</td>", html);
        Assert.Contains("<td>2</td>", html);
        Assert.Contains("7 grudnia 2026, 00:15", html);
        Assert.Contains("HTTP 500: Internal Server Error", html);
    }

    [Fact]
    public async Task The_dashboard_still_shows_when_notifications_does_not_answer()
    {
        _web.Notifications.Problem(HttpMethod.Get, "/api/notifications/webhooks/failing", HttpStatusCode.BadGateway,
            new { title = "Usługa powiadomień nie odpowiada.", status = 502 });
        var browser = _web.Browser(Roles.Operator);

        var html = await WebWithFakeServices.PageAsync(await browser.GetAsync("/administracja", Ct));

        Assert.Contains("Nie można pokazać webhooków z błędami:", html);
        Assert.Contains("Usługa powiadomień nie odpowiada.", html);
        Assert.Contains("href=\"/administracja/nabory\"", html);
    }

    [Theory]
    [InlineData("/administracja")]
    [InlineData("/administracja/klienci-api/zpp-nabor/webhooki")]
    public async Task The_pages_are_for_ore_staff_only(string path)
    {
        var response = await _web.Browser(Roles.JstCoordinator).GetAsync(path, Ct);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_web.Notifications.Requests);
    }
}
