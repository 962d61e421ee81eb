using Cro.BuildingBlocks.Persistence;
using Cro.ServiceDefaults.Security;
using Dapper;
using Npgsql;

namespace Cro.Recruitment.Features.Applications;

/// <summary>Reads and writes applications and their teams inside the caller's transaction (and its JST scope).</summary>
internal static class ApplicationStore
{
    public static async Task<ApplicationRow?> FindAsync(NpgsqlTransaction transaction, Guid id, CancellationToken ct)
    {
        var connection = transaction.Connection!;
        var row = await connection.QuerySingleOrDefaultAsync<ApplicationRow>(new CommandDefinition(
            ApplicationRow.SelectSql + " WHERE a.id = @id", new { id }, transaction, cancellationToken: ct));
        if (row is not null)
        {
            row.Team.AddRange(await connection.QueryAsync<TeamMemberView>(new CommandDefinition("""
                SELECT id, full_name, email, position, phone, sex, is_coordinator FROM team_members
                WHERE application_id = @id AND left_at IS NULL ORDER BY ordinal
                """, new { id }, transaction, cancellationToken: ct)));
        }
        return row;
    }

    /// <summary>
    /// The JST of the application the key opens, or null. It must look before the scope is known, so
    /// it runs with every JST in scope, and the key's hash is part of the query: no key, no row.
    /// </summary>
    public static async Task<string?> JstOpenedByKeyAsync(NpgsqlTransaction transaction, Guid id, string key, CancellationToken ct)
    {
        await transaction.SetJstScopeAsync(JstScope.All, ct);
        return await transaction.Connection!.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT jst_terc FROM applications WHERE id = @id AND key_hash = @hash",
            new { id, hash = ApplicationKey.Hash(key) }, transaction, cancellationToken: ct));
    }

    /// <summary>Replaces a draft's team with the form's (a draft's members are not live: they hold no e-mail in the round yet).</summary>
    public static async Task ReplaceTeamAsync(NpgsqlTransaction transaction, Guid applicationId, Guid roundId, string jstTerc,
        IReadOnlyList<TeamMemberInput> team, DateTimeOffset now, CancellationToken ct)
    {
        var connection = transaction.Connection!;
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM team_members WHERE application_id = @applicationId",
            new { applicationId }, transaction, cancellationToken: ct));
        // One statement for the whole team (unnest), not one round trip per person.
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO team_members (id, application_id, round_id, jst_terc, ordinal, full_name, email, position, phone, sex, is_coordinator, joined_at)
            SELECT m.id, @applicationId, @roundId, @jstTerc, m.ordinal - 1, m.full_name, m.email, m.position, m.phone, m.sex, m.is_coordinator, @now
            FROM unnest(@ids, @names, @emails, @positions, @phones, @sexes, @coordinators) WITH ORDINALITY
                AS m (id, full_name, email, position, phone, sex, is_coordinator, ordinal)
            """, new
        {
            applicationId, roundId, jstTerc, now,
            ids = team.Select(_ => Guid.CreateVersion7()).ToArray(),
            names = team.Select(m => m.FullName.Trim()).ToArray(),
            emails = team.Select(m => m.Email.Trim()).ToArray(),
            positions = team.Select(m => m.Position.Trim()).ToArray(),
            phones = team.Select(m => string.IsNullOrWhiteSpace(m.Phone) ? null : m.Phone.Trim()).ToArray(),
            sexes = team.Select(m => m.Sex).ToArray(),
            coordinators = team.Select(m => m.IsCoordinator).ToArray(),
        }, transaction, cancellationToken: ct));
    }

    public static Task UpdateFormAsync(NpgsqlTransaction transaction, Guid id, ApplicationForm form, DateTimeOffset now, CancellationToken ct) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            UPDATE applications SET schools_run = @SchoolsRun, took_part_before = @TookPartBefore, clause_version = @clause,
                commitment = @commitment, publish_consent = @consent, updated_at = @now
            WHERE id = @id
            """, new
        {
            id, form.SchoolsRun, form.TookPartBefore, clause = form.Declarations?.InformationClauseVersion,
            commitment = form.Declarations?.CommitsToWholeCycle ?? false, consent = form.Declarations?.ConsentsToPublishPractices ?? false, now,
        }, transaction, cancellationToken: ct));
}
