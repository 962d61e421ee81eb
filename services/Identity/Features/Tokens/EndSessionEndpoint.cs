using Microsoft.AspNetCore.Authentication;
using OpenIddict.Server.AspNetCore;

namespace Cro.Identity.Features.Tokens;

/// <summary>GET/POST /connect/logout: ends the identity session and returns to the web's post-logout address.</summary>
public static class EndSessionEndpoint
{
    public static IEndpointRouteBuilder MapEndSessionEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/connect/logout", [HttpMethods.Get, HttpMethods.Post], async (HttpContext context, SignInManager<User> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
