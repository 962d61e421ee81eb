using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cro.Web.Tests;

/// <summary>
/// The web as it runs, with the services replaced by <see cref="FakeService"/>s and sign-in by
/// a header that names the caller's roles, so a test drives the real pages (their forms, antiforgery and binding)
/// and checks what they send to the API.
/// </summary>
internal sealed partial class WebWithFakeServices : WebApplicationFactory<Program>
{
    public FakeService Training { get; } = new();

    public FakeService Monitoring { get; } = new();

    public FakeService Publishing { get; } = new();
    public FakeService Evaluation { get; } = new();

    public FakeService Advisory { get; } = new();

    public FakeService Identity { get; } = new();

    public FakeService Notifications { get; } = new();

    public FakeService Recruitment { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Identity:Issuer", "http://localhost/")
            .UseSetting("services:training:http:0", "http://training")
            .UseSetting("Logging:LogLevel:Default", "Warning")
            .UseEnvironment("Production");
        builder.ConfigureTestServices(services =>
        {
            services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, HeaderSignIn>(HeaderSignIn.SchemeName, null);
            services.PostConfigure<AuthenticationOptions>(options =>
            {
                options.DefaultScheme = HeaderSignIn.SchemeName;
                options.DefaultAuthenticateScheme = HeaderSignIn.SchemeName;
                options.DefaultChallengeScheme = HeaderSignIn.SchemeName;
            });
            services.AddHttpClient<TrainingClient>().ConfigurePrimaryHttpMessageHandler(() => Training);
            services.AddHttpClient<Cro.Web.Monitoring.Api.MonitoringClient>().ConfigurePrimaryHttpMessageHandler(() => Monitoring);
            services.AddHttpClient<Cro.Web.Publishing.Api.PublishingClient>().ConfigurePrimaryHttpMessageHandler(() => Publishing);
            services.AddHttpClient<Cro.Web.Evaluation.Api.EvaluationClient>().ConfigurePrimaryHttpMessageHandler(() => Evaluation);
            services.AddHttpClient<Cro.Web.Advisory.Api.AdvisoryClient>().ConfigurePrimaryHttpMessageHandler(() => Advisory);
            services.AddHttpClient<Cro.Web.Account.Api.IdentityClient>().ConfigurePrimaryHttpMessageHandler(() => Identity);
            services.AddHttpClient<Cro.Web.Account.Api.NotificationsClient>().ConfigurePrimaryHttpMessageHandler(() => Notifications);
            services.AddHttpClient<Cro.Web.Recruitment.Api.RecruitmentClient>().ConfigurePrimaryHttpMessageHandler(() => Recruitment);
        });
    }

    /// <summary>A browser that keeps cookies and does not follow redirects, signed in with <paramref name="roles"/> (none: anonymous).</summary>
    public HttpClient Browser(params string[] roles)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (roles.Length > 0)
        {
            client.DefaultRequestHeaders.Add(HeaderSignIn.RolesHeader, string.Join(',', roles));
        }
        return client;
    }

    /// <summary>Opens <paramref name="page"/> and posts its form <paramref name="handler"/> with <paramref name="fields"/>, as a browser does.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string page, string handler, params (string Name, string Value)[] fields)
    {
        var ct = TestContext.Current.CancellationToken;
        var html = await browser.GetStringAsync(page, ct);
        Assert.Contains($"name=\"_handler\" value=\"{handler}\"", html);
        var token = AntiforgeryToken().Match(html).Groups[1].Value;
        return await browser.PostAsync(page, new FormUrlEncodedContent(
            [new("_handler", handler), new("__RequestVerificationToken", WebUtility.HtmlDecode(token)), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]), ct);
    }

    public static async Task<string> PageAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    private sealed class HeaderSignIn(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string SchemeName = "TestHeader";
        public const string RolesHeader = "X-Test-Roles";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (!Request.Headers.TryGetValue(RolesHeader, out var roles))
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }
            List<Claim> claims =
            [
                new(CroClaims.PrincipalType, CroClaims.Person), new(CroClaims.Name, "Anna Testowa"), new(CroClaims.Email, "anna@example.pl"),
                .. roles.ToString().Split(',').Select(role => new Claim(CroClaims.Role, role)),
            ];
            var identity = new ClaimsIdentity(claims, SchemeName, CroClaims.Name, CroClaims.Role);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
        }
    }
}
