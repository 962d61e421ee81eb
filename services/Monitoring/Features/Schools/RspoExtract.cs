using System.IO.Compression;
using CsvHelper;
using NpgsqlTypes;

namespace Cro.Monitoring.Features.Schools;

/// <summary>
/// One row of the school register extract (see <c>Data/Seed/rspo-schools-2022-02-16.SOURCE.md</c>), with the columns the
/// register keeps. Blank fields are null; a field that should be a number and is not is null too, and the import skips
/// the row as incomplete. <see cref="OrganTerc"/> is the organ prowadzący's TERC as the extract derived it from the organ's
/// name (2024 codes), present exactly where a JST runs the school; <see cref="OrganKind"/> says what the organ is otherwise.
/// </summary>
public sealed record RspoRow(int? RspoId, string? Name, string? Kind, bool? IsPublic, string? Town, string? Street, string? HouseNumber,
    string? Postcode, string? Regon, int? ParentRspoId, string? OrganKind, string? OrganTerc, string? OrganTercMethod);

/// <summary>The extract shipped with the service (gzip-compressed CSV, embedded), read as a stream of rows and copied in bulk.</summary>
public static class RspoExtract
{
    public const string FileName = "rspo-schools-2022-02-16.csv.gz";

    /// <summary>What the register records as the source of the schools it imports from this extract.</summary>
    public const string Source = "rspo-2022";

    /// <summary>The columns <see cref="CopyAsync"/> writes, in order: the row's with a fresh id for the school and for its change.</summary>
    public const string Columns = """
        rspo_id integer, school_id uuid, change_id uuid, name text, kind text, is_public boolean, town text, street text, house_number text,
        postcode text, regon text, parent_rspo_id integer, organ_kind text, organ_terc text COLLATE "C", organ_terc_method text
        """;

    public static Stream OpenEmbedded() => typeof(RspoExtract).Assembly.GetManifestResourceStream(FileName)
        ?? throw new InvalidOperationException($"The school register extract {FileName} is not embedded in the assembly.");

    /// <summary>The rows of a gzip-compressed extract, one at a time (the file is never held whole).</summary>
    public static IEnumerable<RspoRow> Read(Stream compressed)
    {
        using var csv = CsvReader.Create(new GZipStream(compressed, CompressionMode.Decompress), CsvReaderOptions.Default, leaveOpen: false);
        int Column(string name) => csv.GetFieldIndex(name);
        var (rspo, name, type, isPublic, town, street, houseNumber, postcode, regon, parent, organKind, organTerc, organMethod) = (
            Column("rspo"), Column("name"), Column("type"), Column("public"), Column("town"), Column("street"), Column("housenumber"),
            Column("postcode"), Column("regon"), Column("parent_rspo"), Column("organ_prowadzacy_kind"), Column("organ_prowadzacy_terc"),
            Column("organ_prowadzacy_terc_method"));
        while (csv.Read())
        {
            string? Field(int index) => csv.IsEmpty(index) ? null : csv.GetString(index).Trim() is { Length: > 0 } value ? value : null;
            int? Number(int index) => csv.TryParse<int>(index, out var number) ? number : null;
            yield return new RspoRow(Number(rspo), Field(name), Field(type), Field(isPublic) switch { "true" => true, "false" => false, _ => null },
                Field(town), Field(street), Field(houseNumber), Field(postcode), Field(regon), Number(parent), Field(organKind), Field(organTerc),
                Field(organMethod));
        }
    }

    /// <summary>
    /// Copies <paramref name="rows"/> into <paramref name="table"/> (which has <see cref="Columns"/>) with binary COPY, on the
    /// connection's current transaction; returns how many rows were copied.
    /// </summary>
    public static async Task<ulong> CopyAsync(NpgsqlConnection connection, string table, IEnumerable<RspoRow> rows, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            $"COPY {table} (rspo_id, school_id, change_id, name, kind, is_public, town, street, house_number, postcode, regon, parent_rspo_id, " +
            "organ_kind, organ_terc, organ_terc_method) FROM STDIN (FORMAT BINARY)", ct);
        Task Text(string? value) => copy.WriteAsync(value, NpgsqlDbType.Text, ct);
        foreach (var row in rows)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(row.RspoId, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid, ct);
            await Text(row.Name);
            await Text(row.Kind);
            await copy.WriteAsync(row.IsPublic, NpgsqlDbType.Boolean, ct);
            await Text(row.Town);
            await Text(row.Street);
            await Text(row.HouseNumber);
            await Text(row.Postcode);
            await Text(row.Regon);
            await copy.WriteAsync(row.ParentRspoId, NpgsqlDbType.Integer, ct);
            await Text(row.OrganKind);
            await Text(row.OrganTerc);
            await Text(row.OrganTercMethod);
        }
        return await copy.CompleteAsync(ct);
    }
}
