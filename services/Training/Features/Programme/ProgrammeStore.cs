namespace Cro.Training.Features.Programme;

/// <summary>Reads and writes programme versions. A version, once written, never changes.</summary>
internal static class ProgrammeStore
{
    private sealed record VersionRow(int Version, decimal PostTestThreshold, decimal AttendanceThreshold, string? ChangeNote, DateTimeOffset CreatedAt);

    private sealed record ModuleRow(string Code, string Title, string Description, decimal Hours, string Form, string ValidationMethod);

    private sealed record OutcomeRow(string ModuleCode, string Code, string Category, string Description);

    public static Task<int?> CurrentVersionAsync(DataSession session) =>
        session.ExecuteScalarAsync<int?>("SELECT max(version) FROM programme_versions");

    /// <summary>Version <paramref name="version"/>, or the current one when it is null; null when there is no such version.</summary>
    public static async Task<ProgrammeView?> FindAsync(DataSession session, int? version)
    {
        var row = await session.QuerySingleOrDefaultAsync<VersionRow>("""
            SELECT version, post_test_threshold, attendance_threshold, change_note, created_at
            FROM programme_versions
            WHERE version = coalesce(@version, (SELECT max(version) FROM programme_versions))
            """, new { version });
        if (row is null)
        {
            return null;
        }
        var parameters = new { row.Version };
        var modules = await session.QueryAsync<ModuleRow>("""
            SELECT code, title, description, hours, form, validation_method FROM programme_modules
            WHERE version = @Version ORDER BY ordinal
            """, parameters);
        var outcomes = (await session.QueryAsync<OutcomeRow>("""
            SELECT module_code, code, category, description FROM learning_outcomes
            WHERE version = @Version ORDER BY module_code, ordinal
            """, parameters)).ToLookup(o => o.ModuleCode);
        return new ProgrammeView(row.Version, row.PostTestThreshold, row.AttendanceThreshold, row.ChangeNote, row.CreatedAt,
        [
            .. modules.Select(m => new ModuleView(m.Code, m.Title, m.Description, m.Hours, m.Form, m.ValidationMethod,
                [.. outcomes[m.Code].Select(o => new OutcomeDefinition(o.Code, o.Category, o.Description))])),
        ]);
    }

    /// <summary>
    /// Writes <paramref name="programme"/> as <paramref name="version"/>; false when that version exists already
    /// (another operator saved first, or another replica seeded), in which case nothing is written.
    /// </summary>
    public static async Task<bool> TryInsertAsync(DataSession session, int version, ProgrammeDefinition programme, string? changeNote,
        Guid? createdBy, DateTimeOffset now)
    {
        // ON CONFLICT waits for a concurrent insert of the same version to commit, then writes nothing.
        var inserted = await session.ExecuteAsync("""
            INSERT INTO programme_versions (version, post_test_threshold, attendance_threshold, change_note, created_by, created_at)
            VALUES (@version, @PostTestThreshold, @AttendanceThreshold, @changeNote, @createdBy, @now)
            ON CONFLICT (version) DO NOTHING
            """, new { version, programme.PostTestThreshold, programme.AttendanceThreshold, changeNote, createdBy, now = now.ToUniversalTime() });
        if (inserted == 0)
        {
            return false;
        }
        var modules = programme.Modules;
        await session.ExecuteAsync("""
            INSERT INTO programme_modules (version, code, ordinal, title, description, hours, form, validation_method)
            SELECT @version, m.code, m.ordinal, m.title, m.description, m.hours, m.form, m.validation_method
            FROM unnest(@codes, @ordinals, @titles, @descriptions, @hours, @forms, @methods)
                 AS m(code, ordinal, title, description, hours, form, validation_method)
            """, new
        {
            version,
            codes = modules.Select(m => m.Code).ToArray(),
            ordinals = modules.Select((_, i) => i + 1).ToArray(),
            titles = modules.Select(m => m.Title.Trim()).ToArray(),
            descriptions = modules.Select(m => m.Description.Trim()).ToArray(),
            hours = modules.Select(m => m.Hours).ToArray(),
            forms = modules.Select(m => m.Form).ToArray(),
            methods = modules.Select(m => m.ValidationMethod.Trim()).ToArray(),
        });
        var outcomes = modules.SelectMany(m => m.Outcomes.Select((o, i) => (Module: m.Code, Ordinal: i + 1, Outcome: o))).ToList();
        await session.ExecuteAsync("""
            INSERT INTO learning_outcomes (version, module_code, code, category, ordinal, description)
            SELECT @version, o.module_code, o.code, o.category, o.ordinal, o.description
            FROM unnest(@modules, @codes, @categories, @ordinals, @descriptions) AS o(module_code, code, category, ordinal, description)
            """, new
        {
            version,
            modules = outcomes.Select(o => o.Module).ToArray(),
            codes = outcomes.Select(o => o.Outcome.Code.Trim()).ToArray(),
            categories = outcomes.Select(o => o.Outcome.Category).ToArray(),
            ordinals = outcomes.Select(o => o.Ordinal).ToArray(),
            descriptions = outcomes.Select(o => o.Outcome.Description.Trim()).ToArray(),
        });
        return true;
    }

    public static IResult VersionNotFound() => ProblemDetailsDefaults.NotFound(
        "Nie ma takiej wersji programu.", "There is no such version of the programme.");
}
