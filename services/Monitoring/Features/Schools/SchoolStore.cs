namespace Cro.Monitoring.Features.Schools;

/// <summary>Reading a school, refusing what the caller cannot see, and changing a school together with its history row.</summary>
internal static class SchoolStore
{
    public static Task<SchoolView?> FindAsync(DataSession session, Guid id, bool forUpdate = false) =>
        session.QuerySingleOrDefaultAsync<SchoolView>(SchoolView.Select + " WHERE s.id = @id" + (forUpdate ? " FOR UPDATE" : ""), new { id });

    /// <summary>
    /// Whether the session may see the JST <paramref name="terc"/>'s register: a JST of the registry, in the caller's scope
    /// (its team, its advisor, ORE). Everyone else is told it does not exist, as for any JST's data they may not see.
    /// </summary>
    public static bool Sees(DataSession session, string terc) => JstRegister.Contains(terc) && session.Scope.CanSee(terc);

    public static IResult NotFound() => ProblemDetailsDefaults.NotFound("Nie ma takiej szkoły w rejestrze albo nie masz do niej dostępu.",
        "There is no such school in the register, or you have no access to it.");

    public static IResult JstNotFound() => ProblemDetailsDefaults.NotFound("Nie ma takiej JST w rejestrze albo nie masz dostępu do jej szkół.",
        "There is no such JST in the registry, or you have no access to its schools.");

    /// <summary>
    /// Changes the school <paramref name="id"/> (locked by the caller) with the SQL <paramref name="set"/> (and its
    /// <paramref name="values"/>), marks it changed by the team, and records the change with the school before and after,
    /// the reason, who and when. Returns the school as it is now.
    /// </summary>
    public static async Task<SchoolView> ChangeAsync(DataSession session, Guid id, string change, string set, object values, string? reason,
        Caller caller, DateTimeOffset now)
    {
        var parameters = new DynamicParameters(values);
        parameters.AddDynamicParams(new
        {
            id, changeId = Guid.CreateVersion7(), change, reason, by = caller.UserId, byName = caller.DisplayName, now = now.ToUniversalTime(),
        });
        await session.ExecuteAsync($"""
            WITH before AS (SELECT * FROM schools WHERE id = @id),
                 after AS (UPDATE schools SET {set}, team_changed_at = @now, updated_at = @now WHERE id = @id RETURNING *)
            INSERT INTO school_changes (id, school_id, jst_terc, change, before, after, reason, changed_by, changed_by_name, changed_at)
            SELECT @changeId, a.id, a.jst_terc, @change, {SchoolSnapshot.Json("b")}, {SchoolSnapshot.Json("a")}, @reason, @by, @byName, @now
            FROM before b JOIN after a ON a.id = b.id
            """, parameters);
        return (await FindAsync(session, id))!;
    }

    /// <summary>Blank text is no text; the rest is trimmed.</summary>
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
