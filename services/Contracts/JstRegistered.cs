namespace Cro.Contracts;

/// <summary>A local government unit entered the JST registry (from the official TERC register).</summary>
public sealed record JstRegistered : IIntegrationEvent
{
    /// <summary>TERC code: WW (województwo), WWPP (powiat) or WWPPGGR (gmina).</summary>
    public required string Terc { get; init; }
    public required string Name { get; init; }
    /// <summary>One of voivodeship, county, city-county, urban-municipality, rural-municipality, urban-rural-municipality.</summary>
    public required string Kind { get; init; }
    public required string VoivodeshipTerc { get; init; }
    public string? CountyTerc { get; init; }
    public required DateTimeOffset RegisteredAt { get; init; }
}
