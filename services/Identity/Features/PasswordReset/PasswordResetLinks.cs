namespace Cro.Identity.Features.PasswordReset;

public static class PasswordResetLinks
{
    /// <summary>How long an e-mailed reset link works (the default token provider's lifespan is set to this).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);
}
