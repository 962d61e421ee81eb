namespace Cro.Recruitment.Features.Registry;

/// <summary>Kinds of JST as stored and as they travel in the API and events.</summary>
public static class JstKind
{
    public const string Voivodeship = "voivodeship";                        // województwo
    public const string County = "county";                                  // powiat
    public const string CityCounty = "city-county";                         // miasto na prawach powiatu (its gmina's 7-digit code)
    public const string UrbanMunicipality = "urban-municipality";           // gmina miejska (other than such a city)
    public const string RuralMunicipality = "rural-municipality";           // gmina wiejska
    public const string UrbanRuralMunicipality = "urban-rural-municipality"; // gmina miejsko-wiejska

    public static readonly IReadOnlySet<string> All = new HashSet<string>
    {
        Voivodeship, County, CityCounty, UrbanMunicipality, RuralMunicipality, UrbanRuralMunicipality,
    };
}
