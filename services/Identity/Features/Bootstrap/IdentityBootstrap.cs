using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Cro.Identity.Features.Bootstrap;

/// <summary>
/// What must exist before anyone can sign in: the roles, the web as an OpenID Connect client (its secret
/// and addresses from configuration), and a first administrator (from configuration — a secret in
/// production — and only while no administrator exists). Idempotent; runs at every start.
/// </summary>
public static class IdentityBootstrap
{
    public const string WebClientId = "cro-web";

    public static async Task BootstrapIdentityAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var configuration = app.Configuration.GetSection("Identity");

        var roles = services.GetRequiredService<RoleManager<Role>>();
        foreach (var role in Roles.All.Where(r => !roles.Roles.Any(x => x.Name == r)))
        {
            await roles.CreateAsync(new Role { Name = role });
        }

        await EnsureWebClientAsync(services.GetRequiredService<IOpenIddictApplicationManager>(), configuration.GetSection("WebClient"));
        await EnsureFirstAdminAsync(services.GetRequiredService<UserManager<User>>(), configuration.GetSection("Bootstrap"), app.Logger);
    }

    private static async Task EnsureWebClientAsync(IOpenIddictApplicationManager applications, IConfigurationSection web)
    {
        var secret = web["Secret"];
        var baseUrl = web["BaseUrl"]?.TrimEnd('/');
        if (string.IsNullOrEmpty(secret) || string.IsNullOrEmpty(baseUrl))
        {
            return; // no web in this deployment (or in this test)
        }
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = WebClientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "CRO — serwis WWW",
            RedirectUris = { new Uri($"{baseUrl}/signin-oidc") },
            PostLogoutRedirectUris = { new Uri($"{baseUrl}/signout-callback-oidc") },
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code,
                Permissions.Scopes.Email, Permissions.Scopes.Profile, Permissions.Scopes.Roles,
                Permissions.Prefixes.Scope + OpenIddictConstants.Scopes.OfflineAccess,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        // The secret and addresses may change between deployments: bring the registration up to date.
        if (await applications.FindByClientIdAsync(WebClientId) is { } existing)
        {
            await applications.UpdateAsync(existing, descriptor);
        }
        else
        {
            await applications.CreateAsync(descriptor);
        }
    }

    private static async Task EnsureFirstAdminAsync(UserManager<User> users, IConfigurationSection bootstrap, ILogger logger)
    {
        var email = bootstrap["AdminEmail"];
        var password = bootstrap["AdminPassword"];
        if (string.IsNullOrEmpty(email) || string.IsNullOrEmpty(password) || (await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0)
        {
            return;
        }
        var admin = new User
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            FullName = bootstrap["AdminName"] ?? "Administrator",
            CreatedAt = DateTimeOffset.UtcNow,
        };
        var created = await users.CreateAsync(admin, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException("The first administrator could not be created: " +
                string.Join(" ", created.Errors.Select(e => e.Description)));
        }
        await users.AddToRoleAsync(admin, Roles.Admin);
        logger.LogInformation("First administrator {Email} created from configuration.", email);
    }
}
