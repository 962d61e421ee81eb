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
/// <remarks>
/// A city with powiat rights (miasto na prawach powiatu) is in the register twice: as a powiat row with a
/// four-digit code (Warszawa 1465, "miasto na prawach powiatu") and as the gmina miejska inside it with a
/// seven-digit code (1465011). In law it is one JST: a gmina that also carries out the powiat's tasks. So it is
/// read as one unit: the gmina's seven-digit code (the one the schools register and the rest of the platform
/// use for the city), of kind <see cref="JstKind.CityCounty"/>, with the four-digit code as its county; the
/// four-digit row is not a JST of its own.
/// </remarks>
public static class TercRegister
{
    private const string Header = "WOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA";
    private const string CityWithPowiatRights = "na prawach powiatu";
    private static readonly CultureInfo Polish = CultureInfo.GetCultureInfo("pl-PL");

    public static IReadOnlyList<TercUnit> Read(TextReader reader)
    {
        var header = reader.ReadLine()?.TrimStart('\uFEFF');
        if (header != Header)
        {
            throw new FormatException($"Not a TERC register: expected the header '{Header}', found '{header}'.");
        }
        var rows = new List<string[]>(4000);
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
            rows.Add(fields);
        }

        // The cities' powiat rows come before their gminy in the file; collected first, the order does not matter.
        var cityCounties = rows
            .Where(f => f[1].Length > 0 && f[2].Length == 0 && f[5].Contains(CityWithPowiatRights, StringComparison.Ordinal))
            .Select(f => f[0] + f[1])
            .ToHashSet(StringComparer.Ordinal);
        var units = new List<TercUnit>(2900);
        foreach (var fields in rows)
        {
            if (ToUnit(fields, cityCounties) is { } unit)
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

    private static TercUnit? ToUnit(string[] f, IReadOnlySet<string> cityCounties)
    {
        var (woj, pow, gmi, rodz, name) = (f[0], f[1], f[2], f[3], f[4]);
        if (pow.Length == 0)
        {
            // The register writes województwa in capitals; their proper name is lower case ("mazowieckie").
            return new TercUnit(woj, name.ToLower(Polish), JstKind.Voivodeship, woj, null);
        }
        var county = woj + pow;
        var cityCounty = cityCounties.Contains(county);
        if (gmi.Length == 0)
        {
            // A city's powiat row: the city is its gmina miejska's row.
            return cityCounty ? null : new TercUnit(county, name, JstKind.County, woj, null);
        }
        var municipalityKind = rodz switch
        {
            "1" => cityCounty ? JstKind.CityCounty : JstKind.UrbanMunicipality,
            "2" => JstKind.RuralMunicipality,
            "3" => JstKind.UrbanRuralMunicipality,
            _ => null,
        };
        return municipalityKind is null ? null : new TercUnit(county + gmi + rodz, name, municipalityKind, woj, county);
    }
}
