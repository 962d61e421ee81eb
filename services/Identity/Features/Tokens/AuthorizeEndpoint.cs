using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Cro.Identity.Features.Tokens;

/// <summary>
/// GET/POST /connect/authorize (authorization code + PKCE, for the web). A person not yet signed in to
/// the identity service is sent to its sign-in page and comes back here; the web is a first-party
/// client, so there is no consent screen.
/// </summary>
public static class AuthorizeEndpoint
{
    public static IEndpointRouteBuilder MapAuthorizeEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], HandleAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> HandleAsync(HttpContext context, UserManager<User> users, NpgsqlDataSource db)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var session = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var user = session.Succeeded ? await users.GetUserAsync(session.Principal) : null;

        if (user is null || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return TokenEndpoint.Forbid(Errors.LoginRequired, "Wymagane logowanie. / Sign-in is required.");
            }
            // Back to this very request after signing in (its parameters come from the query or the form).
            var parameters = context.Request.HasFormContentType
                ? context.Request.Form.Where(p => p.Key != Parameters.Prompt).ToList()
                : context.Request.Query.Where(p => p.Key != Parameters.Prompt).ToList();
            var returnUrl = context.Request.PathBase + context.Request.Path + QueryString.Create(parameters);
            return Results.Challenge(new AuthenticationProperties { RedirectUri = returnUrl }, [IdentityConstants.ApplicationScheme]);
        }

        var principal = await PersonPrincipal.CreateAsync(user, users, db, request.GetScopes(), context.RequestAborted);
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
