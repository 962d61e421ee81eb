using System.Security.Claims;

namespace Cro.ServiceDefaults.Security;

/// <summary>
/// Who calls, as the services need it: ORE staff (operators, administrators) act on every JST; a JST's team member is
/// recognised by their token's JST; a trainer or an advisor by account id or address, whichever the operator named
/// them with when assigning them (they may have no account yet).
/// </summary>
public sealed record Caller(Guid? UserId, string? Email, string? Name, string? JstTerc, bool IsOperator, bool IsTrainer, bool IsAdvisor,
    bool IsJstMember)
{
    /// <summary>
    /// SQL true when the row <paramref name="alias"/> (with user_id and email columns: a cohort's trainer, an advisor)
    /// is this caller, with the caller's <see cref="UserId"/> and <see cref="Email"/> as the parameters @UserId and @Email.
    /// </summary>
    public static string Match(string alias) => $"({alias}.user_id = @UserId OR lower({alias}.email) = lower(@Email))";

    public static Caller From(ClaimsPrincipal user) => new(
        user.PersonId(),
        user.FindFirstValue(CroClaims.Email),
        user.FindFirstValue(CroClaims.Name),
        user.JstTerc(),
        user.IsOreStaff(),
        user.HasClaim(CroClaims.Role, Roles.Trainer),
        user.HasClaim(CroClaims.Role, Roles.Advisor),
        Roles.OfJst.Any(role => user.HasClaim(CroClaims.Role, role)));

    /// <summary>How the caller is named on what they record (a booking, a change).</summary>
    public string DisplayName => Name ?? Email ?? "—";
}
