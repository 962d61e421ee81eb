namespace Cro.Recruitment.Features.Registry;

[OpenApiSchemaName("AdministrativeUnit")]
public sealed record UnitRef(string Terc, string Name);

/// <summary>A JST as the registry API returns it.</summary>
public sealed record JstResponse(
    string Terc,
    string Name,
    string Kind,
    UnitRef Voivodeship,
    UnitRef? County,
    bool AtRiskOfMarginalisation);

/// <summary>
/// The row both registry queries select; <see cref="SelectSql"/> is their common head. A city with powiat rights is its
/// own powiat: its county is its four-digit code under the city's name (the register's powiat row is no JST of its own).
/// </summary>
internal sealed record JstRow(string Terc, string Name, string Kind, string VoivodeshipTerc, string VoivodeshipName,
    string? CountyTerc, string? CountyName, bool AtRiskOfMarginalisation, string SearchName)
{
    public const string SelectSql = """
        SELECT j.terc, j.name, j.kind, j.voivodeship_terc, v.name AS voivodeship_name,
               j.county_terc, CASE WHEN j.kind = 'city-county' THEN j.name ELSE c.name END AS county_name,
               j.at_risk_of_marginalisation, j.search_name
        FROM jst j
        JOIN jst v ON v.terc = j.voivodeship_terc
        LEFT JOIN jst c ON c.terc = j.county_terc
        """;

    public JstResponse ToResponse() => new(Terc, Name, Kind, new UnitRef(VoivodeshipTerc, VoivodeshipName),
        CountyTerc is null ? null : new UnitRef(CountyTerc, CountyName!), AtRiskOfMarginalisation);
}
