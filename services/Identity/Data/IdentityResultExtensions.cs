namespace Cro.Identity.Data;

public static class IdentityResultExtensions
{
    /// <summary>For store operations the caller already validated: a failure here is a bug, not bad input.</summary>
    public static void ThrowIfFailed(this IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
