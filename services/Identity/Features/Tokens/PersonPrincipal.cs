using System.Security.Claims;
using Cro.Identity.Features.Advisors;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Cro.Identity.Features.Tokens;

/// <summary>
/// The claims a person's tokens carry, read fresh from the store each time a token is issued or
/// refreshed, so a role change, a JST change or a change of the JST an advisor advises reaches the next
/// token (services see it once the current access token is replaced, within its lifetime).
/// </summary>
public static class PersonPrincipal
{
    public static async Task<ClaimsPrincipal> CreateAsync(User user, UserManager<User> users, NpgsqlDataSource db, IEnumerable<string> scopes,
        CancellationToken ct)
    {
        var roles = await users.GetRolesAsync(user);
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, CroClaims.Name, CroClaims.Role);
        identity.SetClaim(CroClaims.Subject, user.Id.ToString())
            .SetClaim(CroClaims.Name, user.FullName)
            .SetClaim(CroClaims.Email, user.Email)
            .SetClaim(CroClaims.PrincipalType, CroClaims.Person)
            .SetClaims(CroClaims.Role, [.. roles]);
        if (user.JstTerc is not null)
        {
            identity.SetClaim(CroClaims.Jst, user.JstTerc);
        }
        // One claim per JST the person advises now (access token only: services scope their data by it).
        if (roles.Contains(Roles.Advisor))
        {
            identity.SetClaims(CroClaims.AdvisedJst, [.. await AdvisedJst.OfAsync(db, user, ct)]);
        }
        identity.SetScopes(scopes);
        identity.SetResources(JwtAuthentication.Audience);
        identity.SetDestinations(claim => claim.Type switch
        {
            // What the web shows of the person travels in the identity token as well.
            CroClaims.Name or CroClaims.Email or CroClaims.Role or CroClaims.Jst or CroClaims.PrincipalType
                => [Destinations.AccessToken, Destinations.IdentityToken],
            _ => [Destinations.AccessToken],
        });
        return new ClaimsPrincipal(identity);
    }

    /// <summary>
    /// A partner API client: no person behind it, only the scopes it was granted and, when the administrator limited it to a
    /// set of JST, one client_jst claim per JST (access token only, like everything of a client).
    /// </summary>
    public static ClaimsPrincipal ForClient(string clientId, string? displayName, IEnumerable<string> scopes, IReadOnlyList<string> jstTercs)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, CroClaims.Name, CroClaims.Role);
        identity.SetClaim(CroClaims.Subject, clientId)
            .SetClaim(CroClaims.Name, displayName ?? clientId)
            .SetClaim(CroClaims.PrincipalType, CroClaims.Client);
        if (jstTercs.Count > 0)
        {
            identity.SetClaims(CroClaims.ClientJst, [.. jstTercs]);
        }
        identity.SetScopes(scopes);
        identity.SetResources(JwtAuthentication.Audience);
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        return new ClaimsPrincipal(identity);
    }
}
