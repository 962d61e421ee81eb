using Microsoft.IdentityModel.Tokens;

namespace Cro.ServiceDefaults.Security;

/// <summary>
/// A token's lifetime judged by the platform's clock, the one identity stamped it with. Microsoft.IdentityModel checks
/// lifetimes against the system's clock; on a run whose clock is moved (the end-to-end tests, the demo) that would call
/// every fresh token "not yet valid".
/// </summary>
public static class TokenLifetime
{
    public static void UsePlatformClock(this TokenValidationParameters parameters, TimeProvider time)
    {
        if (time is not PlatformClock)
        {
            // The library's own check, with its precise errors. A service test's clock moved days ahead keeps it too: the
            // tokens such a test signs are stamped with the system's time.
            return;
        }
        parameters.LifetimeValidator = (notBefore, expires, _, validation) =>
        {
            var now = time.GetUtcNow().UtcDateTime;
            return (notBefore is not { } from || from.ToUniversalTime() <= now + validation.ClockSkew)
                && (expires is { } until ? until.ToUniversalTime() >= now - validation.ClockSkew : !validation.RequireExpirationTime);
        };
    }
}
