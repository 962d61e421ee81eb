namespace Cro.Identity.Features.TwoFactor;

/// <summary>Who must sign in with a second factor: the roles that can change other people's access.</summary>
public static class TwoFactorRules
{
    public static readonly IReadOnlySet<string> RequiredForRoles = new HashSet<string> { Roles.Admin, Roles.Operator };

    public static async Task<bool> IsRequiredAsync(UserManager<User> users, User user) =>
        (await users.GetRolesAsync(user)).Any(RequiredForRoles.Contains);
}
