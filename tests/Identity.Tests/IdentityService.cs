using System.Net.Http.Headers;
using Cro.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Cro.Identity.Tests;

/// <summary>The identity service in-process on a fresh database, with the web registered as a client and a first administrator.</summary>
public sealed class IdentityService : IAsyncLifetime
{
    public const string Issuer = "http://localhost/";
    public const string AdminEmail = "admin@cro.test";
    public const string AdminPassword = "correct horse battery staple";
    public const string WebSecret = "web-client-secret-for-tests";

    private ServiceFactory<Program>? _factory;

    public ServiceFactory<Program> Factory => _factory ?? throw new InvalidOperationException("The service did not start.");

    public async ValueTask InitializeAsync() =>
        _factory = await ServiceFactory<Program>.StartAsync("identity", new Dictionary<string, string?>
        {
            ["Identity:Issuer"] = Issuer,
            ["Identity:WebClient:Secret"] = WebSecret,
            ["Identity:WebClient:BaseUrl"] = "http://localhost",
            ["Identity:Bootstrap:AdminEmail"] = AdminEmail,
            ["Identity:Bootstrap:AdminPassword"] = AdminPassword,
            ["Identity:Bootstrap:AdminName"] = "Anna Administratorka",
            ["Identity:RefreshTokenReuseLeeway"] = "00:00:00",
        });

    /// <summary>A browser-like client: keeps cookies, does not follow redirects (the tests follow them).</summary>
    public HttpClient Browser() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>An API client carrying the first administrator's access token (signed in as the web does).</summary>
    public async Task<HttpClient> AdminApiAsync(CancellationToken ct)
    {
        var tokens = await OidcFlows.SignInAsync(Browser(), AdminEmail, AdminPassword, ct);
        var api = Factory.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        return api;
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }
}
