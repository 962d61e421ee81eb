using Microsoft.AspNetCore.Authorization;

namespace Cro.ServiceDefaults.Security;

/// <summary>
/// A partner client's token must carry <see cref="Scope"/>; operators and administrators pass too (they may
/// see what partners see). A requirement of its own, not an assertion, so a refusal can name the scope.
/// </summary>
public sealed record PartnerScopeRequirement(string Scope) : IAuthorizationRequirement;

public sealed class PartnerScopeHandler : AuthorizationHandler<PartnerScopeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PartnerScopeRequirement requirement)
    {
        if (context.User.GrantedScopes().Contains(requirement.Scope)
            || context.User.HasClaim(CroClaims.Role, Roles.Operator)
            || context.User.HasClaim(CroClaims.Role, Roles.Admin))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
