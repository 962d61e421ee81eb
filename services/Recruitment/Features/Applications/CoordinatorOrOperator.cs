using System.Security.Claims;

namespace Cro.Recruitment.Features.Applications;

/// <summary>What a JST's coordinator does for their JST, an operator may do for any: withdraw, change the team.</summary>
internal static class CoordinatorOrOperator
{
    public static IResult? Refusal(ClaimsPrincipal user, string jstTerc) =>
        JstScope.For(user).IncludesAll || (user.HasClaim(CroClaims.Role, Roles.JstCoordinator) && user.JstTerc() == jstTerc)
            ? null
            : Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: Text.Pick("Brak uprawnień.", "Not allowed."),
                detail: Text.Pick("To robi koordynator zespołu JST albo operator.", "The JST team's coordinator or an operator does this."));
}
