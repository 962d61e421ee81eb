using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;

namespace Cro.Identity.Features.TwoFactor;

/// <summary>
/// The state between a correct password and a correct second factor: Identity's short-lived
/// two-factor cookie, which names the person but signs nobody in.
/// </summary>
public static class SecondFactor
{
    /// <summary>Marks the password step as passed, the way SignInManager does it before asking for a code.</summary>
    public static Task BeginAsync(HttpContext context, User user) =>
        context.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, user.Id.ToString())], IdentityConstants.TwoFactorUserIdScheme)));

    /// <summary>Ends the in-between state with a full sign-in that records a second factor was used.</summary>
    public static async Task CompleteAsync(HttpContext context, SignInManager<User> signIn, User user)
    {
        await context.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "mfa")]);
    }
}
