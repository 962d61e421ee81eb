using Cro.ServiceDefaults.Security;

namespace Cro.BuildingBlocks.Persistence;

/// <summary>
/// Row-level security for special-category personal data (RODO art. 9: health, ethnic origin…), as ESF+ asks of
/// participants: beside the JST scope (<see cref="JstRowSecurity"/>), a transaction says whether its caller holds
/// <see cref="Roles.EsfData"/>, the one role that may read such rows. Like the JST scope the settings are
/// transaction-local, so they never outlive the request that set them, and a transaction that set none reads no row.
/// <para>
/// A person may add their own answers without reading them back: the subject setting names the one person whose rows
/// the transaction may insert. A migration puts a table (with a <c>member_id</c> column) under the rule with:
/// <code>
/// ALTER TABLE x ENABLE ROW LEVEL SECURITY;
/// CREATE POLICY special_categories ON x
///     USING (current_setting('cro.special_categories', true) = 'on')
///     WITH CHECK (current_setting('cro.special_categories', true) = 'on');
/// CREATE POLICY special_categories_own_answers ON x FOR INSERT
///     WITH CHECK (member_id::text = current_setting('cro.special_categories_subject', true));
/// </code>
/// </para>
/// </summary>
public static class SpecialCategoryRowSecurity
{
    /// <summary>'on' when the caller holds <see cref="Roles.EsfData"/>.</summary>
    public const string AccessSetting = "cro.special_categories";

    /// <summary>The id of the one person whose own answers the transaction may add (never read).</summary>
    public const string SubjectSetting = "cro.special_categories_subject";

    /// <summary>Lets the rest of <paramref name="transaction"/> read and write special-category rows; call it only for <see cref="Roles.EsfData"/>.</summary>
    public static Task AllowSpecialCategoriesAsync(this NpgsqlTransaction transaction, CancellationToken ct = default) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            $"SELECT set_config('{AccessSetting}', 'on', true)", transaction: transaction, cancellationToken: ct));

    /// <summary>Lets the rest of <paramref name="transaction"/> add (only add) the answers of <paramref name="subject"/>.</summary>
    public static Task AllowOwnSpecialCategoryAnswersAsync(this NpgsqlTransaction transaction, Guid subject, CancellationToken ct = default) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            $"SELECT set_config('{SubjectSetting}', @subject, true)", new { subject = subject.ToString() }, transaction, cancellationToken: ct));
}
