using Microsoft.AspNetCore.Authorization;

namespace Cro.ServiceDefaults.Security;

/// <summary>
/// A partner client's token must carry <see cref="Scope"/>; operators and administrators pass too (they may
/// see what partners see). A requirement of its own, not an assertion, so a refusal can name the scope.
/// </summary>
public sealed record PartnerScopeRequirement(string Scope) : IAuthorizationRequirement
{
    /// <summary>Roles that pass without the scope.</summary>
    public static readonly IReadOnlyList<string> RolesAlsoAllowed = [Roles.Operator, Roles.Admin];
}

public sealed class PartnerScopeHandler : AuthorizationHandler<PartnerScopeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PartnerScopeRequirement requirement)
    {
        if (context.User.GrantedScopes().Contains(requirement.Scope)
            || PartnerScopeRequirement.RolesAlsoAllowed.Any(role => context.User.HasClaim(CroClaims.Role, role)))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
