using Cro.Recruitment.Features.Registry;

namespace Cro.Recruitment.Tests;

/// <summary>The official TERC register (GUS, 2024-01-01) read into the JST that run schools.</summary>
public sealed class TercRegisterTests
{
    private static readonly IReadOnlyList<TercUnit> Units = TercRegister.ReadEmbedded();

    [Fact]
    public void Register_holds_16_voivodeships_314_counties_and_2477_municipalities_66_of_them_cities_with_powiat_rights()
    {
        var byKind = Units.GroupBy(u => u.Kind).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(16, byKind[JstKind.Voivodeship]);
        Assert.Equal(314, byKind[JstKind.County]);
        Assert.Equal(66, byKind[JstKind.CityCounty]);
        Assert.Equal(236, byKind[JstKind.UrbanMunicipality]);
        Assert.Equal(1464, byKind[JstKind.RuralMunicipality]);
        Assert.Equal(711, byKind[JstKind.UrbanRuralMunicipality]);
        Assert.Equal(2807, Units.Count);
        Assert.Equal(Units.Count, Units.Select(u => u.Terc).Distinct().Count());
    }

    [Fact]
    public void Gdansk_is_one_JST_a_city_with_county_rights_under_its_municipality_code()
    {
        var gdansk = Assert.Single(Units, u => u.Name == "Gdańsk");

        Assert.Equal(new TercUnit("2261011", "Gdańsk", JstKind.CityCounty, "22", "2261"), gdansk);
        Assert.Equal("pomorskie", Units.Single(u => u.Terc == "22").Name);
    }

    [Fact]
    public void Every_city_with_county_rights_has_a_seven_digit_code_and_every_four_digit_code_is_a_county()
    {
        Assert.All(Units.Where(u => u.Kind == JstKind.CityCounty), city =>
        {
            Assert.Matches("^[0-9]{4}011$", city.Terc);
            Assert.Equal(city.Terc[..4], city.CountyTerc);
        });
        Assert.All(Units.Where(u => u.Terc.Length == 4), county => Assert.Equal(JstKind.County, county.Kind));
        Assert.Single(Units, u => u.Name == "Warszawa" && u.Terc == "1465011" && u.Kind == JstKind.CityCounty);
    }

    [Fact]
    public void A_city_is_read_as_one_JST_whichever_of_its_rows_comes_first()
    {
        const string register = """
            WOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA
            22;61;01;1;Gdańsk;gmina miejska;2024-01-01
            22;61;;;Gdańsk;miasto na prawach powiatu;2024-01-01
            22;02;;;chojnicki;powiat;2024-01-01
            22;02;01;1;Chojnice;gmina miejska;2024-01-01
            """;

        var units = TercRegister.Read(new StringReader(register));

        Assert.Equal(
            [new TercUnit("2261011", "Gdańsk", JstKind.CityCounty, "22", "2261"), new TercUnit("2202", "chojnicki", JstKind.County, "22", null),
                new TercUnit("2202011", "Chojnice", JstKind.UrbanMunicipality, "22", "2202")],
            units);
    }

    [Fact]
    public void Municipality_carries_its_county_and_a_seven_digit_code()
    {
        var bolesławiec = Units.Single(u => u.Terc == "0201011");

        Assert.Equal(new TercUnit("0201011", "Bolesławiec", JstKind.UrbanMunicipality, "02", "0201"), bolesławiec);
    }

    [Fact]
    public void Towns_and_rural_areas_inside_a_municipality_and_districts_of_Warsaw_are_not_JST()
    {
        const string register = """
            WOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA
            22;10;02;3;Nowy Dwór Gdański;gmina miejsko-wiejska;2024-01-01
            22;10;02;4;Nowy Dwór Gdański;miasto;2024-01-01
            22;10;02;5;Nowy Dwór Gdański;obszar wiejski;2024-01-01
            14;65;01;8;Bemowo;dzielnica;2024-01-01
            """;

        var units = TercRegister.Read(new StringReader(register));

        Assert.Equal(["2210023"], units.Select(u => u.Terc));
    }

    [Fact]
    public void A_file_that_is_not_a_TERC_register_is_refused()
    {
        var error = Assert.Throws<FormatException>(() => TercRegister.Read(new StringReader("a;b;c\n1;2;3")));
        Assert.Contains("header", error.Message);
    }

    [Theory]
    [InlineData("Łódź", "lodz")]
    [InlineData("ŁÓDŹ", "lodz")]
    [InlineData("Kędzierzyn-Koźle", "kedzierzyn kozle")]
    [InlineData("  Zielona   Góra ", "zielona gora")]
    [InlineData("Gdańsk", "gdansk")]
    [InlineData("50%_off", "50 off")]
    public void Search_text_ignores_case_diacritics_and_punctuation(string name, string expected) =>
        Assert.Equal(expected, SearchText.Normalize(name));
}
