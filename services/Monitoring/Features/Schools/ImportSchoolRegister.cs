using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;

namespace Cro.Monitoring.Features.Schools;

/// <summary>
/// Seeds the schools register from the school register extract shipped with the service, and brings it up to date from
/// a newer one. The extract is copied whole into a staging table (binary COPY), and from there set-based SQL sorts each
/// row: skipped with a reason (no RSPO number or name, a number twice, an organ that is not a JST, a JST organ whose TERC
/// the extract could not derive, a TERC that is no JST of the registry), new (imported), unchanged, changed in the extract
/// (updated, with a history row), or kept as it is because the JST's team has corrected, closed or reopened it. A second
/// run of the same extract changes nothing. One run at a time: the transaction holds an advisory lock, so replicas starting
/// together import one after the other, and at start-up an extract already imported is not read again.
/// </summary>
public static class ImportSchoolRegister
{
    private const long LockKey = 0x43_52_4F_53_43_48; // "CROSCH"

    /// <summary>Who the history names for a school the import updated.</summary>
    public const string ImportedBy = "Import rejestru szkół (RSPO)";

    /// <summary>Why a row of the extract is not imported, in the order the import asks.</summary>
    public static readonly IReadOnlyList<string> SkipReasons =
    [
        "incomplete-row",       // no RSPO number, name or town
        "rspo-repeated",        // the RSPO number stands on more than one row
        "terc-not-in-registry", // the organ's derived TERC is no JST of the registry
        "organ-not-jst",        // run by a company, a person, an association, a church, a public university
        "organ-ministry",       // run by a ministry
        "organ-unknown",        // the extract names no kind of organ
        "jst-organ-unmatched",  // run by a JST whose TERC the extract could not derive from its name
    ];

    /// <summary>
    /// What one run did. <c>Kept</c>: schools of the extract the team has changed, left as the team has them. <c>Skipped</c>:
    /// rows not imported, by reason (every one of <see cref="SkipReasons"/>, zero where none).
    /// </summary>
    [OpenApiSchemaName("SchoolRegisterImport")]
    public sealed record Report(Guid Id, string Source, string SourceSha256, DateTimeOffset StartedAt, DateTimeOffset FinishedAt, int RowsRead,
        int Imported, int Updated, int Unchanged, int Kept, IReadOnlyDictionary<string, int> Skipped);

    private sealed record Outcome(string Name, int Rows);

    private const string SortSql = """
        CREATE TEMP TABLE rspo_sorted ON COMMIT DROP AS
        SELECT r.*, s.id AS existing_id,
               CASE
                   WHEN r.rspo_id IS NULL OR r.name IS NULL OR r.town IS NULL THEN 'incomplete-row'
                   WHEN count(*) OVER (PARTITION BY r.rspo_id) > 1 THEN 'rspo-repeated'
                   WHEN r.organ_terc IS NOT NULL THEN CASE WHEN r.organ_terc = ANY (@registry) THEN NULL ELSE 'terc-not-in-registry' END
                   WHEN r.organ_kind = 'non_jst' THEN 'organ-not-jst'
                   WHEN r.organ_kind = 'ministerstwo' THEN 'organ-ministry'
                   WHEN r.organ_kind IS NULL THEN 'organ-unknown'
                   ELSE 'jst-organ-unmatched'
               END AS skip_reason,
               CASE
                   WHEN s.id IS NULL THEN 'new'
                   WHEN s.team_changed_at IS NOT NULL THEN 'kept'
                   WHEN (s.jst_terc, s.name, s.kind, s.street, s.house_number, s.postcode, s.town, s.is_public, s.regon, s.parent_rspo_id, s.jst_terc_method)
                        IS NOT DISTINCT FROM
                        (r.organ_terc, r.name, r.kind, r.street, r.house_number, r.postcode, r.town, r.is_public, r.regon, r.parent_rspo_id, r.organ_terc_method)
                   THEN 'unchanged'
                   ELSE 'changed'
               END AS disposition
        FROM rspo_rows r LEFT JOIN schools s ON s.rspo_id = r.rspo_id
        """;

    private const string InsertSql = """
        INSERT INTO schools (id, jst_terc, rspo_id, name, kind, status, street, house_number, postcode, town, is_public, regon, parent_rspo_id,
                             source, jst_terc_method, created_at, updated_at)
        SELECT school_id, organ_terc, rspo_id, name, kind, 'active', street, house_number, postcode, town, is_public, regon, parent_rspo_id,
               @source, organ_terc_method, @now, @now
        FROM rspo_sorted WHERE skip_reason IS NULL AND disposition = 'new'
        """;

    // A school the team changes meanwhile is locked by one of the two and left to the team (team_changed_at, checked again).
    private static readonly string UpdateSql = $"""
        WITH before AS (
            SELECT s.*, c.change_id FROM schools s JOIN rspo_sorted c ON c.existing_id = s.id
            WHERE c.skip_reason IS NULL AND c.disposition = 'changed' AND s.team_changed_at IS NULL
            FOR UPDATE OF s),
        after AS (
            UPDATE schools s SET jst_terc = c.organ_terc, name = c.name, kind = c.kind, street = c.street, house_number = c.house_number,
                   postcode = c.postcode, town = c.town, is_public = c.is_public, regon = c.regon, parent_rspo_id = c.parent_rspo_id,
                   jst_terc_method = c.organ_terc_method, updated_at = @now
            FROM rspo_sorted c JOIN before b ON b.id = c.existing_id
            WHERE s.id = b.id
            RETURNING s.*)
        INSERT INTO school_changes (id, school_id, jst_terc, change, before, after, reason, changed_by, changed_by_name, changed_at)
        SELECT b.change_id, a.id, a.jst_terc, '{SchoolChange.RegisterUpdated}', {SchoolSnapshot.Json("b")}, {SchoolSnapshot.Json("a")}, @reason,
               NULL, @by, @now
        FROM before b JOIN after a ON a.id = b.id
        """;

    /// <summary>
    /// Imports the extract <paramref name="openExtract"/> opens (gzip-compressed CSV; called twice: to hash it, then to read
    /// it) and records the report. With <paramref name="unlessImported"/>, an extract already imported (same SHA-256) is left
    /// alone and null returned.
    /// </summary>
    public static async Task<Report?> ImportAsync(NpgsqlDataSource db, Func<Stream> openExtract, string source, TimeProvider time,
        bool unlessImported = false, CancellationToken ct = default)
    {
        var startedAt = time.GetUtcNow().ToUniversalTime();
        string sha256;
        await using (var extract = openExtract())
        {
            sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(extract, ct));
        }

        // The register is JST data of every JST at once.
        await using var session = await DataSession.OpenAsync(db, JstScope.All, ct);
        await session.ExecuteAsync("SELECT pg_advisory_xact_lock(@LockKey)", new { LockKey });
        if (unlessImported && await session.ExecuteScalarAsync<bool>(
                "SELECT EXISTS (SELECT 1 FROM school_register_imports WHERE source_sha256 = @sha256)", new { sha256 }))
        {
            return null;
        }

        await session.ExecuteAsync($"CREATE TEMP TABLE rspo_rows ({RspoExtract.Columns}) ON COMMIT DROP");
        ulong rowsRead;
        await using (var extract = openExtract())
        {
            rowsRead = await RspoExtract.CopyAsync(session.Connection, "rspo_rows", RspoExtract.Read(extract), ct);
        }
        await session.ExecuteAsync(SortSql, new { registry = JstRegister.All.ToArray() });
        var now = time.GetUtcNow().ToUniversalTime();
        var imported = await session.ExecuteAsync(InsertSql, new { source = RspoExtract.Source, now });
        var updated = await session.ExecuteAsync(UpdateSql, new { now, by = ImportedBy, reason = source });
        var outcomes = (await session.QueryAsync<Outcome>("""
            SELECT coalesce(skip_reason, disposition) AS name, count(*)::int AS rows FROM rspo_sorted GROUP BY 1
            """)).ToDictionary(o => o.Name, o => o.Rows);
        int Count(string outcome) => outcomes.GetValueOrDefault(outcome);

        var report = new Report(Guid.CreateVersion7(), source, sha256, startedAt, time.GetUtcNow().ToUniversalTime(), (int)rowsRead, imported, updated,
            Count("unchanged"), Count("kept") + Count("changed") - updated,
            SkipReasons.ToDictionary(reason => reason, Count));
        await session.ExecuteAsync("""
            INSERT INTO school_register_imports (id, source, source_sha256, started_at, finished_at, rows_read, imported, updated, unchanged, kept, skipped)
            VALUES (@Id, @Source, @SourceSha256, @StartedAt, @FinishedAt, @RowsRead, @Imported, @Updated, @Unchanged, @Kept, @skipped::jsonb)
            """, new
        {
            report.Id, report.Source, report.SourceSha256, report.StartedAt, report.FinishedAt, report.RowsRead, report.Imported, report.Updated,
            report.Unchanged, report.Kept, skipped = JsonSerializer.Serialize(report.Skipped),
        });
        await session.CommitAsync();
        return report;
    }

    /// <summary>At start-up, after the migrations: imports the embedded extract unless it has been imported already.</summary>
    public static async Task ImportSchoolRegisterAsync(this WebApplication app)
    {
        var stopwatch = Stopwatch.StartNew();
        var report = await ImportAsync(app.Services.GetRequiredService<NpgsqlDataSource>(), RspoExtract.OpenEmbedded, RspoExtract.FileName,
            app.Services.GetRequiredService<TimeProvider>(), unlessImported: true, app.Lifetime.ApplicationStopping);
        if (report is null)
        {
            app.Logger.LogInformation("Schools register: {Source} was imported before; nothing to do ({Elapsed} ms).", RspoExtract.FileName,
                stopwatch.ElapsedMilliseconds);
            return;
        }
        app.Logger.LogInformation(
            "Schools register: {RowsRead} rows of {Source} read, {Imported} schools imported, {Updated} updated, {Unchanged} unchanged, {Kept} kept " +
            "as the JST teams have them, skipped {Skipped}, in {Elapsed} ms.",
            report.RowsRead, report.Source, report.Imported, report.Updated, report.Unchanged, report.Kept,
            string.Join(", ", report.Skipped.Where(s => s.Value > 0).Select(s => $"{s.Key}: {s.Value}")), stopwatch.ElapsedMilliseconds);
    }
}
