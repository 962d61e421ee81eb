namespace Cro.Monitoring.Features.Schools;

/// <summary>
/// A school of the register as the JST's team, its advisor and ORE see it. <c>Source</c> says where it came from (the 2022
/// register extract, or the team); <c>JstTercMethod</c> how the extract tied it to the JST (its organ prowadzący's name
/// matched to a TERC code, not an official link); <c>TeamChangedAt</c> when the team last corrected, closed or reopened it
/// (from then on the import leaves it as the team has it).
/// </summary>
[OpenApiSchemaName("School")]
public sealed record SchoolView(Guid Id, string JstTerc, int? RspoId, string Name, string? Kind, string Status, string? Street, string? HouseNumber,
    string? Postcode, string Town, bool? IsPublic, string? Regon, int? ParentRspoId, string Source, string? JstTercMethod, DateTimeOffset? ClosedAt,
    string? ClosedReason, DateTimeOffset? TeamChangedAt, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public const string Select = """
        SELECT s.id, s.jst_terc, s.rspo_id, s.name, s.kind, s.status, s.street, s.house_number, s.postcode, s.town, s.is_public, s.regon,
               s.parent_rspo_id, s.source, s.jst_terc_method, s.closed_at, s.closed_reason, s.team_changed_at, s.created_at, s.updated_at
        FROM schools s
        """;

    /// <summary>Schools in the order a list shows them: active first, then by name as Polish sorts it.</summary>
    public const string Order = """ ORDER BY s.status, s.name COLLATE "pl-x-icu", s.id""";
}

/// <summary>
/// What a change is about: the school's own fields before and after it, as <c>school_changes</c> keeps them (jsonb, built
/// by <see cref="Json"/> in SQL, the one place that names them).
/// </summary>
[OpenApiSchemaName("SchoolSnapshot")]
public sealed record SchoolSnapshot(string JstTerc, string Name, string? Kind, string Status, string? Street, string? HouseNumber, string? Postcode,
    string Town, bool? IsPublic)
{
    /// <summary>The snapshot of the school row <paramref name="alias"/>, as a SQL jsonb expression.</summary>
    public static string Json(string alias) => $"""
        jsonb_build_object('jstTerc', {alias}.jst_terc, 'name', {alias}.name, 'kind', {alias}.kind, 'status', {alias}.status,
            'street', {alias}.street, 'houseNumber', {alias}.house_number, 'postcode', {alias}.postcode, 'town', {alias}.town,
            'isPublic', {alias}.is_public)
        """;
}

/// <summary>Where a school stands, where it came from, and the kinds of change the history records, as stored and in the API.</summary>
public static class SchoolStatus
{
    public const string Active = "active";
    public const string Closed = "closed";

    public static readonly IReadOnlyList<string> All = [Active, Closed];
}

public static class SchoolSource
{
    public const string Team = "team";
}

public static class SchoolChange
{
    public const string Added = "added";
    public const string Corrected = "corrected";
    public const string Closed = "closed";
    public const string Reopened = "reopened";
    /// <summary>The import brought a newer extract's data for a school the team has not changed.</summary>
    public const string RegisterUpdated = "register-updated";
}
