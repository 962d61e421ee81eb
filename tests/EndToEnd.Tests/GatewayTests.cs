using System.Net;
using System.Net.Http.Json;

namespace Cro.EndToEnd.Tests;

/// <summary>The platform as a partner or the web sees it: through the gateway only.</summary>
public sealed class GatewayTests(PlatformFixture platform)
{
    private readonly HttpClient _gateway = platform.Gateway;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Search_for_gdansk_finds_the_city_with_county_rights()
    {
        var page = await _gateway.GetFromJsonAsync<JsonElement>("/api/recruitment/jst?q=gdansk", Ct);

        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(items, j => j.GetProperty("terc").GetString() == "2261011"
            && j.GetProperty("name").GetString() == "Gdańsk"
            && j.GetProperty("kind").GetString() == "city-county");
    }

    [Fact]
    public async Task Monitoring_summary_equals_the_counts_of_the_TERC_register()
    {
        // Monitoring learns the registry from JstRegistered events, relayed from recruitment's outbox.
        var summary = await Eventually.GetAsync(
            () => _gateway.GetFromJsonAsync<JsonElement>("/api/monitoring/jst-summary", Ct),
            s => s.GetProperty("total").GetInt32() == 2807, TimeSpan.FromSeconds(60), "the whole registry in monitoring");

        var byKind = summary.GetProperty("byKind");
        Assert.Equal(16, byKind.GetProperty("voivodeship").GetInt32());
        Assert.Equal(314, byKind.GetProperty("county").GetInt32());
        Assert.Equal(66, byKind.GetProperty("city-county").GetInt32());
        Assert.Equal(236 + 1464 + 711, byKind.GetProperty("urban-municipality").GetInt32()
            + byKind.GetProperty("rural-municipality").GetInt32() + byKind.GetProperty("urban-rural-municipality").GetInt32());
        Assert.Equal(16, summary.GetProperty("voivodeships").GetArrayLength());
    }

    [Theory]
    [InlineData("/api/recruitment/jst?limit=0")]
    [InlineData("/api/recruitment/jst?limit=abc")]
    [InlineData("/api/recruitment/jst/12345")]
    [InlineData("/api/recruitment/jst?kind=village")]
    public async Task Bad_input_gets_400_problem_details(string url)
    {
        var response = await _gateway.GetAsync(url, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task Unknown_api_gets_404_problem_details_not_a_web_page()
    {
        var response = await _gateway.GetAsync("/api/nothing-here/items", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Token_endpoint_answers_429_to_one_client_trying_too_often()
    {
        // A client address of this test's own (the gateway trusts X-Forwarded-For from loopback, as from
        // its ingress), so the other tests' sign-ins keep their budget.
        async Task<HttpStatusCode> AttemptAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["grant_type"] = "client_credentials", ["client_id"] = "partner-guess", ["client_secret"] = "guess",
                }),
            };
            request.Headers.Add("X-Forwarded-For", "198.51.100.23");
            return (await _gateway.SendAsync(request, Ct)).StatusCode;
        }

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 35; i++)
        {
            statuses.Add(await AttemptAsync());
        }

        Assert.Equal(HttpStatusCode.Unauthorized, statuses[0]);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
    }

    [Fact]
    public async Task Missing_file_of_the_site_is_404_not_a_sign_in()
    {
        using var noRedirects = new HttpClient { BaseAddress = platform.GatewayAddress };

        var response = await noRedirects.GetAsync("/nie-ma-takiego-pliku.css", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/", "text/html")]
    [InlineData("/nie-ma-takiej-strony", "text/html")]
    [InlineData("/api/recruitment/jst?q=gdansk", "application/json")]
    [InlineData("/api/recruitment/jst?limit=abc", "application/problem+json")]
    [InlineData("/api/nothing-here/items", "application/problem+json")]
    [InlineData("/app.css", "text/css")]
    [InlineData("/img/fundusze-europejskie.svg", "image/svg+xml")]
    public async Task Pages_apis_errors_and_files_carry_the_security_headers_and_no_server_name(string url, string type)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        // As the ingress says of a browser's HTTPS request (the gateway trusts it from loopback).
        request.Headers.Add("X-Forwarded-Proto", "https");
        var response = await _gateway.SendAsync(request, Ct);

        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
        string Header(string name) => response.Headers.TryGetValues(name, out var values) ? values.Single() : "";
        Assert.Equal("nosniff", Header("X-Content-Type-Options"));
        Assert.Equal("DENY", Header("X-Frame-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header("Referrer-Policy"));
        Assert.Contains("camera=()", Header("Permissions-Policy"));
        Assert.StartsWith("max-age=", Header("Strict-Transport-Security"));
        var policy = Header("Content-Security-Policy");
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
        Assert.False(response.Headers.Contains("Server"), "the server's name is not announced");
    }

    [Fact]
    public async Task Plain_http_gets_no_strict_transport_security()
    {
        var response = await _gateway.GetAsync("/", Ct);

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task Correlation_id_is_kept_when_given_and_created_when_not()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/recruitment/jst/2261011");
        request.Headers.Add("X-Correlation-Id", "test-correlation-1");
        var given = await _gateway.SendAsync(request, Ct);
        var created = await _gateway.GetAsync("/api/recruitment/jst/2261011", Ct);

        Assert.Equal("test-correlation-1", given.Headers.GetValues("X-Correlation-Id").Single());
        Assert.False(string.IsNullOrEmpty(created.Headers.GetValues("X-Correlation-Id").Single()));
    }

    [Theory]
    [InlineData("recruitment", "/api/recruitment/jst")]
    [InlineData("monitoring", "/api/monitoring/jst-summary")]
    [InlineData("training", "/api/training/programme")]
    [InlineData("advisory", "/api/advisory/engagements")]
    [InlineData("publishing", "/api/publishing/catalogue/practices")]
    public async Task Every_service_publishes_its_OpenAPI_document_through_the_gateway(string service, string path)
    {
        var document = await _gateway.GetFromJsonAsync<JsonElement>($"/api/{service}/openapi/v1.json", Ct);

        Assert.True(document.GetProperty("paths").TryGetProperty(path, out _), $"{service} documents {path}");
    }

    [Fact]
    public async Task Api_reference_page_lists_every_service()
    {
        var html = await _gateway.GetStringAsync("/api/docs/", Ct);

        // Scalar resolves these against the site's origin.
        Assert.Contains("\"url\":\"api/recruitment/openapi/v1.json\"", html);
        Assert.Contains("\"url\":\"api/monitoring/openapi/v1.json\"", html);
        Assert.Contains("\"url\":\"api/advisory/openapi/v1.json\"", html);
        Assert.Contains("\"url\":\"api/publishing/openapi/v1.json\"", html);
        Assert.Contains("\"url\":\"api/evaluation/openapi/v1.json\"", html);
    }

    [Fact]
    public async Task Request_body_over_the_limit_is_refused_with_413_before_it_is_sent()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/recruitment/jst")
        {
            Content = new ByteArrayContent(new byte[26 * 1024 * 1024]),
        };
        request.Headers.ExpectContinue = true;

        var response = await _gateway.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
