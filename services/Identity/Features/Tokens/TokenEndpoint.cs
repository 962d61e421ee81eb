using Cro.Identity.Features.Clients;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Cro.Identity.Features.Tokens;

/// <summary>
/// POST /connect/token. OpenIddict has already authenticated the client and checked the grant;
/// this decides who the token speaks for: a partner client (client credentials) or a person
/// (authorization code, refresh token), whose account must still be allowed to sign in.
/// </summary>
public static class TokenEndpoint
{
    public static IEndpointRouteBuilder MapTokenEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPost("/connect/token", HandleAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> HandleAsync(HttpContext context, IOpenIddictApplicationManager applications,
        UserManager<User> users, SignInManager<User> signIn, NpgsqlDataSource db)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");

        if (request.IsClientCredentialsGrantType())
        {
            var application = await applications.FindByClientIdAsync(request.ClientId!)
                ?? throw new InvalidOperationException("The client was authenticated but is not found.");
            // Only the scopes asked for (OpenIddict has refused any the client may not have): a token asked for without a scope gets none.
            var principal = PersonPrincipal.ForClient(request.ClientId!, await applications.GetDisplayNameAsync(application), request.GetScopes(),
                PartnerClients.JstLimitOf(await applications.GetPropertiesAsync(application)));
            return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var stored = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var user = await users.FindByIdAsync(stored.Principal?.GetClaim(Claims.Subject) ?? "");
            if (user is null || user.ErasedAt is not null || !await signIn.CanSignInAsync(user) || await users.IsLockedOutAsync(user))
            {
                return Forbid(Errors.InvalidGrant, "Konto nie może się już zalogować. / The account can no longer sign in.");
            }
            var principal = await PersonPrincipal.CreateAsync(user, users, db, stored.Principal!.GetScopes(), context.RequestAborted);
            return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        return Forbid(Errors.UnsupportedGrantType, "Ten rodzaj przyznania nie jest obsługiwany. / The grant type is not supported.");
    }

    internal static IResult Forbid(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
