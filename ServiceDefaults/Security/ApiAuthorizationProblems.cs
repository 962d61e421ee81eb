using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Cro.ServiceDefaults.Security;

/// <summary>
/// An API's 401 and 403 say why as ProblemDetails: which scope or role the operation needs and the caller
/// lacks, so a partner whose token lacks a scope is not left with a bare 403. Pages (identity's, the
/// web's) keep their redirects; only /api/ answers change.
/// </summary>
public sealed class ApiAuthorizationProblems(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        await _default.HandleAsync(next, context, policy, result);
        if (!context.Request.Path.StartsWithSegments("/api") || context.Response.HasStarted || (!result.Challenged && !result.Forbidden))
        {
            return;
        }
        var (title, detail) = result.Forbidden
            ? (Text.Pick("Brak uprawnień.", "Forbidden."), Forbidden(result.AuthorizationFailure))
            : (Text.Pick("Wymagane uwierzytelnienie.", "Authentication required."),
                Text.Pick("Żądanie nie ma ważnego tokenu dostępu (nagłówek Authorization: Bearer).",
                    "The request has no valid access token (Authorization: Bearer header)."));
        await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = context.Response.StatusCode, Title = title, Detail = detail },
        });
    }

    private static string Forbidden(AuthorizationFailure? failure)
    {
        var requirements = failure?.FailedRequirements.ToList() ?? [];
        if (requirements.OfType<PartnerScopeRequirement>().FirstOrDefault() is { } scope)
        {
            return Text.Pick($"Token nie ma zakresu (scope) „{scope.Scope}”, którego wymaga ta operacja.",
                $"The token lacks the scope '{scope.Scope}' that this operation requires.");
        }
        if (requirements.OfType<ClaimsAuthorizationRequirement>().FirstOrDefault(r => r.ClaimType == CroClaims.Role) is { AllowedValues: { } roles })
        {
            var names = string.Join(", ", roles);
            return Text.Pick($"Ta operacja wymaga jednej z ról: {names}.", $"This operation requires one of the roles: {names}.");
        }
        return Text.Pick("Ta operacja nie jest dostępna dla tego konta lub klienta API.",
            "This operation is not available to this account or API client.");
    }
}
