using System.Security.Claims;
using Cro.ServiceDefaults.Security;

namespace Cro.Advisory.Features.Access;

/// <summary>
/// Who calls, as advisory needs it: ORE staff act on every JST; an advisor is recognised by account id or address,
/// whichever the operator registered them with; a team member by their token's JST.
/// </summary>
public sealed record Caller(Guid? UserId, string? Email, string? Name, string? JstTerc, bool IsOperator, bool IsAdvisor, bool IsTeamMember)
{
    /// <summary>SQL true when the advisors row <paramref name="alias"/> is this caller (parameters @UserId and @Email).</summary>
    public static string AdvisorMatch(string alias) => $"({alias}.user_id = @UserId OR lower({alias}.email) = lower(@Email))";

    public static Caller From(ClaimsPrincipal user) => new(
        user.PersonId(),
        user.FindFirstValue(CroClaims.Email),
        user.FindFirstValue(CroClaims.Name),
        user.JstTerc(),
        user.HasClaim(CroClaims.Role, Roles.Operator) || user.HasClaim(CroClaims.Role, Roles.Admin),
        user.HasClaim(CroClaims.Role, Roles.Advisor),
        Roles.OfJst.Any(role => user.HasClaim(CroClaims.Role, role)));

    /// <summary>How the caller is named on what they record (a booking, a cancellation).</summary>
    public string DisplayName => Name ?? Email ?? "—";
}
