using System.Security.Claims;
using Cro.ServiceDefaults.Security;

namespace Cro.Web.Advisory;

/// <summary>
/// Which party to a JST's advisory the signed-in person is, for what a shared page offers them: the team books and moves
/// its meetings, the advisor (or ORE) records them. The service checks every action again whoever asks.
/// </summary>
public static class AdvisoryParties
{
    public static bool IsTeam(ClaimsPrincipal user) => Roles.OfJst.Any(role => user.HasClaim(CroClaims.Role, role));

    public static bool IsOperator(ClaimsPrincipal user) => user.IsOreStaff();

    /// <summary>An advisor, or ORE acting for one: who records a meeting as held.</summary>
    public static bool Records(ClaimsPrincipal user) => IsOperator(user) || user.HasClaim(CroClaims.Role, Roles.Advisor);
}
