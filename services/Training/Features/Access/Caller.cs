using System.Security.Claims;
using Cro.ServiceDefaults.Security;

namespace Cro.Training.Features.Access;

/// <summary>
/// Who calls, as training needs it. A participant is recognised by the address of their account and
/// the JST of their token (identity invites each team member by the address recruitment knows); a
/// trainer by account id or address, whichever the operator assigned them with.
/// </summary>
public sealed record Caller(Guid? UserId, string? Email, string? Name, string? JstTerc, bool IsOperator, bool IsTrainer, bool IsJstMember)
{
    /// <summary>
    /// SQL that is true when the cohort_trainers row <paramref name="alias"/> is this caller, with the caller's
    /// <see cref="UserId"/> and <see cref="Email"/> as the parameters @UserId and @Email.
    /// </summary>
    public static string TrainerMatch(string alias) => $"({alias}.user_id = @UserId OR lower({alias}.email) = lower(@Email))";

    public static Caller From(ClaimsPrincipal user) => new(
        user.PersonId(),
        user.FindFirstValue(CroClaims.Email),
        user.FindFirstValue(CroClaims.Name),
        user.JstTerc(),
        user.HasClaim(CroClaims.Role, Roles.Operator) || user.HasClaim(CroClaims.Role, Roles.Admin),
        user.HasClaim(CroClaims.Role, Roles.Trainer),
        Roles.OfJst.Any(role => user.HasClaim(CroClaims.Role, role)));
}
