using Cro.ServiceDefaults;
using Dapper;
using Npgsql;

namespace Cro.Training.Features.Programme;

/// <summary>Reads and writes programme versions. A version, once written, never changes.</summary>
internal static class ProgrammeStore
{
    private sealed record VersionRow(int Version, decimal PostTestThreshold, decimal AttendanceThreshold, string? ChangeNote, DateTimeOffset CreatedAt);

    private sealed record ModuleRow(string Code, string Title, string Description, decimal Hours, string Form, string ValidationMethod);

    private sealed record OutcomeRow(string ModuleCode, string Code, string Category, string Description);

    public static Task<int?> CurrentVersionAsync(NpgsqlTransaction transaction, CancellationToken ct) =>
        transaction.Connection!.ExecuteScalarAsync<int?>(new CommandDefinition(
            "SELECT max(version) FROM programme_versions", transaction: transaction, cancellationToken: ct));

    /// <summary>Version <paramref name="version"/>, or the current one when it is null; null when there is no such version.</summary>
    public static async Task<ProgrammeView?> FindAsync(NpgsqlTransaction transaction, int? version, CancellationToken ct)
    {
        var connection = transaction.Connection!;
        var row = await connection.QuerySingleOrDefaultAsync<VersionRow>(new CommandDefinition("""
            SELECT version, post_test_threshold, attendance_threshold, change_note, created_at
            FROM programme_versions
            WHERE version = coalesce(@version, (SELECT max(version) FROM programme_versions))
            """, new { version }, transaction, cancellationToken: ct));
        if (row is null)
        {
            return null;
        }
        var parameters = new { row.Version };
        var modules = await connection.QueryAsync<ModuleRow>(new CommandDefinition("""
            SELECT code, title, description, hours, form, validation_method FROM programme_modules
            WHERE version = @Version ORDER BY ordinal
            """, parameters, transaction, cancellationToken: ct));
        var outcomes = (await connection.QueryAsync<OutcomeRow>(new CommandDefinition("""
            SELECT module_code, code, category, description FROM learning_outcomes
            WHERE version = @Version ORDER BY module_code, ordinal
            """, parameters, transaction, cancellationToken: ct))).ToLookup(o => o.ModuleCode);
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
    public static async Task<bool> TryInsertAsync(NpgsqlTransaction transaction, int version, ProgrammeDefinition programme, string? changeNote,
        Guid? createdBy, DateTimeOffset now, CancellationToken ct)
    {
        var connection = transaction.Connection!;
        // ON CONFLICT waits for a concurrent insert of the same version to commit, then writes nothing.
        var inserted = await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO programme_versions (version, post_test_threshold, attendance_threshold, change_note, created_by, created_at)
            VALUES (@version, @PostTestThreshold, @AttendanceThreshold, @changeNote, @createdBy, @now)
            ON CONFLICT (version) DO NOTHING
            """, new { version, programme.PostTestThreshold, programme.AttendanceThreshold, changeNote, createdBy, now = now.ToUniversalTime() },
            transaction, cancellationToken: ct));
        if (inserted == 0)
        {
            return false;
        }
        var modules = programme.Modules;
        await connection.ExecuteAsync(new CommandDefinition("""
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
        }, transaction, cancellationToken: ct));
        var outcomes = modules.SelectMany(m => m.Outcomes.Select((o, i) => (Module: m.Code, Ordinal: i + 1, Outcome: o))).ToList();
        await connection.ExecuteAsync(new CommandDefinition("""
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
        }, transaction, cancellationToken: ct));
        return true;
    }

    public static IResult VersionNotFound() => ProblemDetailsDefaults.NotFound(
        "Nie ma takiej wersji programu.", "There is no such version of the programme.");
}
