namespace Cro.Recruitment.Features.Applications;

/// <summary>Reads and writes applications and their teams in the caller's <see cref="DataSession"/> (and its JST scope).</summary>
internal static class ApplicationStore
{
    public static async Task<ApplicationRow?> FindAsync(DataSession session, Guid id)
    {
        var row = await session.QuerySingleOrDefaultAsync<ApplicationRow>(ApplicationRow.SelectSql + " WHERE a.id = @id", new { id });
        if (row is not null)
        {
            row.Team.AddRange(await session.QueryAsync<TeamMemberView>("""
                SELECT id, full_name, email, position, phone, sex, is_coordinator FROM team_members
                WHERE application_id = @id AND left_at IS NULL ORDER BY ordinal
                """, new { id }));
        }
        return row;
    }

    /// <summary>
    /// The JST of the application the key opens, or null. It looks before the scope is known, so the session's
    /// scope must be every JST; the key's hash is part of the query: no key, no row.
    /// </summary>
    public static Task<string?> JstOpenedByKeyAsync(DataSession session, Guid id, string key) =>
        session.QuerySingleOrDefaultAsync<string>("SELECT jst_terc FROM applications WHERE id = @id AND key_hash = @hash",
            new { id, hash = ApplicationKey.Hash(key) });

    /// <summary>Replaces a draft's team with the form's (a draft's members are not live: they hold no e-mail in the round yet).</summary>
    public static async Task ReplaceTeamAsync(DataSession session, Guid applicationId, Guid roundId, string jstTerc,
        IReadOnlyList<TeamMemberInput> team, DateTimeOffset now)
    {
        await session.ExecuteAsync("DELETE FROM team_members WHERE application_id = @applicationId", new { applicationId });
        // One statement for the whole team (unnest), not one round trip per person.
        await session.ExecuteAsync("""
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
        });
    }

    public static Task UpdateFormAsync(DataSession session, Guid id, ApplicationForm form, DateTimeOffset now) =>
        session.ExecuteAsync("""
            UPDATE applications SET schools_run = @SchoolsRun, took_part_before = @TookPartBefore, clause_version = @clause,
                commitment = @commitment, publish_consent = @consent, updated_at = @now
            WHERE id = @id
            """, new
        {
            id, form.SchoolsRun, form.TookPartBefore, clause = form.Declarations?.InformationClauseVersion,
            commitment = form.Declarations?.CommitsToWholeCycle ?? false, consent = form.Declarations?.ConsentsToPublishPractices ?? false, now,
        });
}
