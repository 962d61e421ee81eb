using System.Globalization;
using System.Text;

namespace Cro.Recruitment.Features.Registry;

/// <summary>One JST as read from the TERC register.</summary>
public sealed record TercUnit(string Terc, string Name, string Kind, string VoivodeshipTerc, string? CountyTerc);

/// <summary>
/// Reads the official TERC register (GUS; <c>WOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA</c>, UTF-8) into
/// the JST that run schools: województwa, powiaty, cities with powiat rights and gminy (miejska,
/// wiejska, miejsko-wiejska). The register's other rows (a town or the rural area inside a
/// miejsko-wiejska gmina, districts of Warsaw, delegations) are parts of a JST, not JST.
/// </summary>
public static class TercRegister
{
    private const string Header = "WOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA";
    private static readonly CultureInfo Polish = CultureInfo.GetCultureInfo("pl-PL");

    public static IReadOnlyList<TercUnit> Read(TextReader reader)
    {
        var header = reader.ReadLine()?.TrimStart('\uFEFF');
        if (header != Header)
        {
            throw new FormatException($"Not a TERC register: expected the header '{Header}', found '{header}'.");
        }
        var units = new List<TercUnit>(2900);
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }
            var fields = line.Split(';');
            if (fields.Length != 7)
            {
                throw new FormatException($"Line {lineNumber}: expected 7 fields, found {fields.Length}.");
            }
            if (ToUnit(fields) is { } unit)
            {
                units.Add(unit);
            }
        }
        return units;
    }

    public static IReadOnlyList<TercUnit> ReadEmbedded()
    {
        using var stream = typeof(TercRegister).Assembly.GetManifestResourceStream("teryt-terc.csv")
            ?? throw new InvalidOperationException("The TERC register is not embedded in the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Read(reader);
    }

    private static TercUnit? ToUnit(string[] f)
    {
        var (woj, pow, gmi, rodz, name, description) = (f[0], f[1], f[2], f[3], f[4], f[5]);
        if (pow.Length == 0)
        {
            // The register writes województwa in capitals; their proper name is lower case ("mazowieckie").
            return new TercUnit(woj, name.ToLower(Polish), JstKind.Voivodeship, woj, null);
        }
        var county = woj + pow;
        if (gmi.Length == 0)
        {
            var kind = description.Contains("na prawach powiatu", StringComparison.Ordinal) ? JstKind.CityCounty : JstKind.County;
            return new TercUnit(county, name, kind, woj, null);
        }
        var municipalityKind = rodz switch
        {
            "1" => JstKind.UrbanMunicipality,
            "2" => JstKind.RuralMunicipality,
            "3" => JstKind.UrbanRuralMunicipality,
            _ => null,
        };
        return municipalityKind is null ? null : new TercUnit(county + gmi + rodz, name, municipalityKind, woj, county);
    }
}
