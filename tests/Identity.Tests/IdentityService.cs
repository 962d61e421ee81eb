using System.Net.Http.Headers;
using Cro.Identity.Data;
using Cro.Identity.Features.Invitations;
using Dapper;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

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

    /// <summary>The authenticator apps of the people who set up two-factor sign-in against this service.</summary>
    public Authenticators Authenticators { get; } = new();

    /// <summary>Signs a person in as the web does, through the second factor when their account has or needs one.</summary>
    public Task<OidcFlows.Tokens> SignInAsync(string email, string password, CancellationToken ct) =>
        OidcFlows.SignInAsync(Browser(), email, password, Authenticators, ct);

    /// <summary>A browser-like client: keeps cookies, does not follow redirects (the tests follow them).</summary>
    public HttpClient Browser() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>An API client carrying the first administrator's access token (signed in as the web does).</summary>
    public async Task<HttpClient> AdminApiAsync(CancellationToken ct)
    {
        var tokens = await SignInAsync(AdminEmail, AdminPassword, ct);
        return Api(tokens.AccessToken);
    }

    /// <summary>An API client carrying <paramref name="accessToken"/>.</summary>
    public HttpClient Api(string accessToken)
    {
        var api = Factory.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return api;
    }

    /// <summary>
    /// A person invited by the administrator who has accepted (their password set directly, as the
    /// invitation page would), ready to sign in.
    /// </summary>
    public async Task<(Guid Id, string Email)> CreatePersonAsync(string fullName, string role, string? jst, string password, CancellationToken ct,
        string? email = null)
    {
        email ??= $"{Guid.NewGuid():N}@jst.test";
        var response = await (await AdminApiAsync(ct)).PostAsJsonAsync("/api/identity/invitations", new InviteUser.InviteUserRequest(email, fullName, role, jst), ct);
        response.EnsureSuccessStatusCode();
        using var scope = Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var user = (await users.FindByEmailAsync(email))!;
        Assert.True((await users.AddPasswordAsync(user, password)).Succeeded);
        user.EmailConfirmed = true;
        await users.UpdateAsync(user);
        return (user.Id, email);
    }

    /// <summary>Reads one value straight from the service's database, as its owner.</summary>
    public async Task<T> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = new NpgsqlConnection(Factory.Database.OwnerConnectionString);
        return (await connection.ExecuteScalarAsync<T>(sql, parameters))!;
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }
}
