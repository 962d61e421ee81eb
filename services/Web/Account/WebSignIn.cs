using Cro.ServiceDefaults.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace Cro.Web.Account;

/// <summary>
/// The web signs people in with a cookie of its own, obtained through OpenID Connect (authorization
/// code + PKCE) against the identity service. Tokens stay on the server, in the encrypted cookie;
/// browser JavaScript never sees them.
/// </summary>
public static class WebSignIn
{
    public static WebApplicationBuilder AddWebSignIn(this WebApplicationBuilder builder)
    {
        var identity = builder.Configuration.GetSection("Identity");
        builder.Services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(cookie =>
            {
                cookie.Cookie.Name = "cro.web";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
                cookie.SlidingExpiration = true;
                cookie.AccessDeniedPath = "/brak-dostepu";
                cookie.Events.OnValidatePrincipal = AccessTokenRefresh.ValidatePrincipalAsync;
            })
            .AddOpenIdConnect(oidc =>
            {
                oidc.Authority = identity["Issuer"];
                oidc.RequireHttpsMetadata = identity.GetValue("RequireHttpsMetadata", false);
                oidc.ClientId = "cro-web";
                oidc.ClientSecret = identity["WebClient:Secret"];
                oidc.ResponseType = "code";
                // The code comes back in the redirect's query, not in a self-submitting form: that form needs an
                // inline script, which the site's Content-Security-Policy does not allow. PKCE protects the code.
                oidc.ResponseMode = "query";
                oidc.UsePkce = true;
                oidc.SaveTokens = true;
                oidc.MapInboundClaims = false;
                oidc.GetClaimsFromUserInfoEndpoint = false;
                oidc.Scope.Clear();
                foreach (var scope in new[] { "openid", "profile", "email", "roles", "offline_access" })
                {
                    oidc.Scope.Add(scope);
                }
                oidc.TokenValidationParameters.NameClaimType = CroClaims.Name;
                oidc.TokenValidationParameters.RoleClaimType = CroClaims.Role;
                // The callback comes back to the same origin (the gateway): Lax cookies suffice, and work on plain HTTP locally.
                oidc.CorrelationCookie.SameSite = SameSiteMode.Lax;
                oidc.NonceCookie.SameSite = SameSiteMode.Lax;
                oidc.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                oidc.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                // The identity token carries the person's claims; keep them on the cookie's identity.
                oidc.ClaimActions.MapAll();
                // Where identity is reachable directly (service discovery's address), server-to-server calls go there.
                if (identity["Issuer"] is { } issuer && builder.Configuration["services:identity:http:0"] is { } internalAddress)
                {
                    oidc.BackchannelHttpHandler = new IdentityBackchannel(new Uri(issuer), new Uri(internalAddress), new SocketsHttpHandler());
                }
            });
        // The identity token's lifetime is judged by the platform's clock, the one identity stamped it with.
        builder.Services.AddOptions<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme)
            .Configure<TimeProvider>((oidc, time) => oidc.TokenValidationParameters.UsePlatformClock(time));
        builder.Services.AddHttpClient(AccessTokenRefresh.HttpClientName, http => http.BaseAddress = new Uri("http://identity"));
        // Web and identity share one origin: their antiforgery cookies need names of their own.
        builder.Services.AddAntiforgery(antiforgery => antiforgery.Cookie.Name = "cro.web.antiforgery");
        builder.Services.AddCroAuthorization(signedInByDefault: false);
        builder.Services.AddCascadingAuthenticationState();
        return builder;
    }

    /// <summary>/logowanie starts a sign-in and returns to the page it came from; /wyloguj (POST) ends both sessions.</summary>
    public static IEndpointRouteBuilder MapWebSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet("/logowanie", (string? powrot) => Results.Challenge(
            new AuthenticationProperties { RedirectUri = LocalPath(powrot) ?? "/moje-konto" },
            [OpenIdConnectDefaults.AuthenticationScheme])).AllowAnonymous();

        app.MapPost("/wyloguj", async (HttpContext context, IAntiforgery antiforgery) =>
        {
            await antiforgery.ValidateRequestAsync(context);
            return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" },
                [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]);
        }).RequireAuthorization(Policies.Person);
        return app;
    }

    /// <summary>Only a path of this site: never an open redirect.</summary>
    public static string? LocalPath(string? path) =>
        path is { Length: > 0 } && path.StartsWith('/') && !path.StartsWith("//") && !path.StartsWith("/\\") ? path : null;
}
