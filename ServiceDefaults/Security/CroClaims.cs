using System.Security.Claims;

namespace Cro.ServiceDefaults.Security;

/// <summary>Claims of CRO access tokens, as JWT names (inbound claim mapping is off everywhere).</summary>
public static class CroClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Email = "email";
    public const string Role = "role";
    public const string Scope = "scope";
    /// <summary>TERC code of the JST the person acts for.</summary>
    public const string Jst = "jst";
    /// <summary>
    /// TERC code of a JST the person advises now (one claim per JST), for people in the advisor role: identity keeps it from
    /// advisory's events, so a change reaches the person's next token (at the latest when the current one expires).
    /// </summary>
    public const string AdvisedJst = "advised_jst";
    /// <summary>
    /// TERC code of a JST a partner API client may act for (one claim per JST): present only when the administrator limited
    /// the client to a set of JST (the partner's members); a client token without it is not limited.
    /// </summary>
    public const string ClientJst = "client_jst";
    /// <summary>"person" or "client": who the token speaks for.</summary>
    public const string PrincipalType = "principal_type";

    public const string Person = "person";
    public const string Client = "client";

    public static bool IsPerson(this ClaimsPrincipal user) => user.HasClaim(PrincipalType, Person);

    /// <summary>ORE's staff: an operator, or an administrator (who is one too), as <see cref="Policies.Operator"/> admits them.</summary>
    public static bool IsOreStaff(this ClaimsPrincipal user) => user.HasClaim(Role, Roles.Operator) || user.HasClaim(Role, Roles.Admin);

    public static Guid? PersonId(this ClaimsPrincipal user) =>
        user.IsPerson() && Guid.TryParse(user.FindFirstValue(Subject), out var id) ? id : null;

    public static string? JstTerc(this ClaimsPrincipal user) => user.FindFirstValue(Jst);

    /// <summary>The TERC codes of the person's <see cref="AdvisedJst"/> claims, as they stand in the token.</summary>
    public static IEnumerable<string> AdvisedJstTercs(this ClaimsPrincipal user) => user.FindAll(AdvisedJst).Select(c => c.Value);

    /// <summary>The JST a partner client is limited to, or null when it is not limited (every other caller: null).</summary>
    public static IReadOnlySet<string>? ClientJstLimit(this ClaimsPrincipal user) =>
        user.HasClaim(PrincipalType, Client) && user.FindAll(ClientJst).Select(c => c.Value).ToHashSet() is { Count: > 0 } set ? set : null;

    /// <summary>Whether the caller may see <paramref name="jstTerc"/>'s data as far as a partner client's JST limit goes.</summary>
    public static bool ClientMayActFor(this ClaimsPrincipal user, string jstTerc) => user.ClientJstLimit() is not { } limit || limit.Contains(jstTerc);

    /// <summary>Scopes granted to the token: one claim per scope, or one space-separated claim.</summary>
    public static IEnumerable<string> GrantedScopes(this ClaimsPrincipal user) =>
        user.FindAll(Scope).SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
