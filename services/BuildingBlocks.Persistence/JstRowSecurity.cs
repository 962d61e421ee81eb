using Cro.ServiceDefaults.Security;

namespace Cro.BuildingBlocks.Persistence;

/// <summary>
/// Row-level security by JST: a transaction tells PostgreSQL the caller's <see cref="JstScope"/>, and the
/// policy of each JST-scoped table lets through only the rows of JST in scope. The settings are
/// transaction-local (<c>set_config(…, true)</c>): they end with the transaction, so a pooled connection
/// never carries one caller's scope into the next, and a transaction that set none sees no row at all.
/// <para>
/// A migration (run as the owner, whom the policy does not bind; services connect as the application
/// role, which it does) puts a table under the rule with:
/// <code>
/// ALTER TABLE x ENABLE ROW LEVEL SECURITY;
/// CREATE POLICY jst_isolation ON x
///     USING (current_setting('cro.jst_all', true) = 'on'
///            OR jst_terc = ANY (string_to_array(current_setting('cro.jst_tercs', true), ',')))
///     WITH CHECK (current_setting('cro.jst_all', true) = 'on'
///            OR jst_terc = ANY (string_to_array(current_setting('cro.jst_tercs', true), ',')));
/// </code>
/// USING filters what is read, updated and deleted; WITH CHECK refuses writing a row (insert, or an
/// update that moves it) for a JST out of scope. An unset setting reads as NULL or '', which matches nothing.
/// </para>
/// </summary>
public static class JstRowSecurity
{
    /// <summary>'on' when the scope is every JST, else 'off'.</summary>
    public const string AllSetting = "cro.jst_all";

    /// <summary>The TERC codes in scope, comma-separated.</summary>
    public const string TercsSetting = "cro.jst_tercs";

    /// <summary>Sets <paramref name="scope"/> for the rest of <paramref name="transaction"/>; call it before the first query.</summary>
    public static Task SetJstScopeAsync(this NpgsqlTransaction transaction, JstScope scope, CancellationToken ct = default) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            $"SELECT set_config('{AllSetting}', @all, true), set_config('{TercsSetting}', @tercs, true)",
            new { all = scope.IncludesAll ? "on" : "off", tercs = string.Join(',', scope.Tercs) },
            transaction, cancellationToken: ct));
}
