using Cro.Identity.Features.Audit;
using Cro.Identity.Features.Invitations;
using Cro.Identity.Features.Passwords;
using Cro.Identity.Features.PersonalData;
using Cro.Identity.Features.TaskTeams;
using Cro.Identity.Features.PasswordReset;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.Core;
using OpenIddict.Server;
using OpenIddict.Validation;

namespace Cro.Identity;

/// <summary>ASP.NET Core Identity (people, passwords, lockout, 2FA) and the OpenIddict token server on top of it.</summary>
public static class IdentityServerSetup
{
    public static WebApplicationBuilder AddIdentityServer(this WebApplicationBuilder builder, ServerKeys keys)
    {
        builder.Services.AddDbContext<IdentityDb>((services, options) =>
            options.UseNpgsql(services.GetRequiredService<NpgsqlDataSource>()).UseOpenIddict<Guid>());

        builder.Services.AddDataProtection().SetApplicationName("cro-identity").PersistKeysToDbContext<IdentityDb>();

        builder.Services.AddIdentity<User, Role>(options =>
            {
                // Length over composition rules (NIST SP 800-63B): at least 12 characters, no forced symbols.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                options.ClaimsIdentity.UserIdClaimType = CroClaims.Subject;
                options.ClaimsIdentity.UserNameClaimType = CroClaims.Name;
                options.ClaimsIdentity.RoleClaimType = CroClaims.Role;
                options.ClaimsIdentity.EmailClaimType = CroClaims.Email;
            })
            .AddEntityFrameworkStores<IdentityDb>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<InvitationTokenProvider>(InvitationTokenProvider.ProviderName)
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddErrorDescriber<LocalizedIdentityErrors>();

        // Password-reset links (the default token provider) work for a short while only.
        builder.Services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = PasswordResetLinks.Lifetime);

        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "cro.identity";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.LoginPath = "/konto/logowanie";
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
        });

        // Web and identity share one origin: their antiforgery cookies need names of their own.
        builder.Services.AddAntiforgery(antiforgery => antiforgery.Cookie.Name = "cro.identity.antiforgery");

        var issuer = builder.Configuration["Identity:Issuer"];
        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityDb>().ReplaceDefaultEntities<Guid>())
            .AddServer(server =>
            {
                if (!string.IsNullOrEmpty(issuer))
                {
                    server.SetIssuer(new Uri(issuer));
                }
                server.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetEndSessionEndpointUris("connect/logout");
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowClientCredentialsFlow()
                    .AllowRefreshTokenFlow();
                server.RegisterScopes([OpenIddictConstants.Scopes.OpenId, OpenIddictConstants.Scopes.Profile, OpenIddictConstants.Scopes.Email,
                    OpenIddictConstants.Scopes.Roles, OpenIddictConstants.Scopes.OfflineAccess, .. ServiceDefaults.Security.Scopes.Partner]);
                // Short-lived access tokens (the web refreshes them); tests shorten them further to see the refresh.
                server.SetAccessTokenLifetime(builder.Configuration.GetValue("Identity:AccessTokenLifetime", TimeSpan.FromMinutes(10)))
                    .SetIdentityTokenLifetime(TimeSpan.FromMinutes(10))
                    .SetRefreshTokenLifetime(TimeSpan.FromDays(14))
                    // Refresh tokens rotate; a used one still works this long, for two tabs refreshing at once.
                    .SetRefreshTokenReuseLeeway(builder.Configuration.GetValue("Identity:RefreshTokenReuseLeeway", TimeSpan.FromSeconds(10)));
                server.AddSigningKey(keys.Signing).AddEncryptionKey(keys.Encryption);
                // Services validate access tokens themselves from the published keys: JWTs signed, not encrypted.
                server.DisableAccessTokenEncryption();
                server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    // TLS ends at the ingress in production; locally everything is plain HTTP on loopback.
                    .DisableTransportSecurityRequirement();
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.UseAspNetCore();
            });

        // Tokens are stamped and checked by the platform's clock (the one every service validates them with).
        builder.Services.AddOptions<OpenIddictCoreOptions>().Configure<TimeProvider>((options, time) => options.TimeProvider = time);
        builder.Services.AddOptions<OpenIddictServerOptions>().Configure<TimeProvider>((options, time) => options.TimeProvider = time);
        builder.Services.AddOptions<OpenIddictValidationOptions>().Configure<TimeProvider>((options, time) => options.TimeProvider = time);

        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<AuditLog>();
        builder.Services.AddScoped<AccountInvitations>();
        builder.Services.AddScoped<TeamAccounts>();
        builder.Services.AddSingleton<Consents>();
        builder.Services.AddCroAuthorization();
        return builder;
    }
}
