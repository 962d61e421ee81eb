namespace Cro.Contracts;

/// <summary>A local government unit entered the JST registry (from the official TERC register).</summary>
public sealed record JstRegistered : IIntegrationEvent
{
    /// <summary>
    /// TERC code: WW (województwo), WWPP (powiat) or WWPPGGR (gmina, and a city with powiat rights, which is one JST
    /// under its gmina's code, of kind city-county).
    /// </summary>
    public required string Terc { get; init; }
    public required string Name { get; init; }
    /// <summary>One of voivodeship, county, city-county, urban-municipality, rural-municipality, urban-rural-municipality.</summary>
    public required string Kind { get; init; }
    public required string VoivodeshipTerc { get; init; }
    /// <summary>The WWPP code of the powiat a gmina lies in (a city with powiat rights: its own powiat code); null above gmina.</summary>
    public string? CountyTerc { get; init; }
    public required DateTimeOffset RegisteredAt { get; init; }
}
