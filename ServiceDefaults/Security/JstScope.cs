using System.Security.Claims;

namespace Cro.ServiceDefaults.Security;

/// <summary>
/// Which JST's data a caller may see. The platform rule: JST-scoped data is visible only to that JST's
/// team, its assigned advisor, and operators and administrators. A service checks rows in code with
/// <see cref="CanSee"/>, and hands the same scope to the database for row-level security
/// (BuildingBlocks' <c>JstRowSecurity</c>), so a query that forgot the check still sees nothing more.
/// </summary>
public sealed class JstScope
{
    /// <summary>Every JST: operators and administrators.</summary>
    public static readonly JstScope All = new(includesAll: true, []);

    /// <summary>No JST at all: what anyone without a JST role gets.</summary>
    public static readonly JstScope None = new(includesAll: false, []);

    private readonly HashSet<string> _tercs;

    private JstScope(bool includesAll, HashSet<string> tercs) => (IncludesAll, _tercs) = (includesAll, tercs);

    public bool IncludesAll { get; }

    /// <summary>The TERC codes of the JST in scope, in order; empty for <see cref="All"/> (which needs no list).</summary>
    public IReadOnlyList<string> Tercs => [.. _tercs.Order(StringComparer.Ordinal)];

    /// <summary>Exactly these JST.</summary>
    /// <exception cref="ArgumentException">A code is not a TERC code (digits only).</exception>
    public static JstScope Of(IEnumerable<string> tercs)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var terc in tercs)
        {
            // Digits only: the scope travels to PostgreSQL as a comma-separated list.
            if (!IsTerc(terc))
            {
                throw new ArgumentException($"'{terc}' is not a TERC code.", nameof(tercs));
            }
            set.Add(terc);
        }
        return set.Count == 0 ? None : new JstScope(includesAll: false, set);
    }

    /// <summary>
    /// The scope of a signed-in caller: administrators and operators see every JST; a JST coordinator or
    /// member sees the JST of their <c>jst</c> claim; an advisor sees the JST of their <c>advised_jst</c> claims
    /// (identity's view when the token was issued, up to an access token's lifetime old), or, where the caller
    /// passes <paramref name="advisedTercs"/>, those instead: the JST the caller found them assigned to just now
    /// (advisory, which owns the assignments, so a change there applies at once); a person holding several roles
    /// sees what each of them sees; anyone else (a partner client, a trainer) sees none, whatever claims their
    /// token carries.
    /// </summary>
    public static JstScope For(ClaimsPrincipal user, IEnumerable<string>? advisedTercs = null)
    {
        if (user.IsOreStaff())
        {
            return All;
        }
        var tercs = new List<string>();
        // A JST role without a well-formed jst claim sees nothing rather than fail: the claim comes from identity.
        if (Roles.OfJst.Any(role => user.HasClaim(CroClaims.Role, role)) && user.JstTerc() is { } own && IsTerc(own))
        {
            tercs.Add(own);
        }
        if (user.HasClaim(CroClaims.Role, Roles.Advisor))
        {
            // Like the jst claim: a malformed advised_jst claim adds nothing rather than fail.
            tercs.AddRange(advisedTercs ?? user.AdvisedJstTercs().Where(IsTerc));
        }
        return Of(tercs);
    }

    public bool CanSee(string terc) => IncludesAll || _tercs.Contains(terc);

    public override string ToString() => IncludesAll ? "all JST" : _tercs.Count == 0 ? "no JST" : string.Join(",", Tercs);

    private static bool IsTerc(string terc) => terc.Length > 0 && terc.All(char.IsAsciiDigit);
}
