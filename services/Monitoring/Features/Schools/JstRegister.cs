using System.Collections.Frozen;
using System.Text;

namespace Cro.Monitoring.Features.Schools;

/// <summary>
/// The JST of the registry: the units of the official TERC register of 2024 that run schools (województwa, powiaty,
/// cities with powiat rights and gminy: miejska, wiejska, miejsko-wiejska), by TERC code. It is the same file recruitment
/// seeds the JST registry from (linked into this assembly, not copied), so the schools register knows every JST at
/// start-up, before recruitment's <c>JstRegistered</c> events have filled the <c>jst</c> read model. As in recruitment's
/// registry, a city with powiat rights is one JST under its gmina miejska's seven-digit code (Warsaw's schools are
/// 1465011's); the register's four-digit powiat row of such a city is not a JST.
/// </summary>
public static class JstRegister
{
    private static readonly Lazy<FrozenSet<string>> Codes = new(ReadEmbedded);

    /// <summary>Every JST's TERC code.</summary>
    public static IReadOnlyCollection<string> All => Codes.Value;

    public static bool Contains(string terc) => Codes.Value.Contains(terc);

    /// <summary>
    /// <c>WOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA</c>: a województwo has no POW, a powiat no GMI (a city with powiat
    /// rights has one such row too, "miasto na prawach powiatu", left out: the city is its gmina's row), and a gmina is a
    /// JST when its RODZ is 1, 2 or 3 (the register's other rows are parts of one: the town and rural area of a
    /// miejsko-wiejska gmina, Warsaw's dzielnice, delegatury).
    /// </summary>
    private static FrozenSet<string> ReadEmbedded()
    {
        using var stream = typeof(JstRegister).Assembly.GetManifestResourceStream("teryt-terc.csv")
            ?? throw new InvalidOperationException("The TERC register is not embedded in the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        reader.ReadLine();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var f = line.Split(';');
            var cityPowiatRow = f[1].Length > 0 && f[2].Length == 0 && f[5].Contains("na prawach powiatu", StringComparison.Ordinal);
            if (!cityPowiatRow && (f[1].Length == 0 || f[2].Length == 0 || f[3] is "1" or "2" or "3"))
            {
                codes.Add(string.Concat(f[0], f[1], f[2], f[2].Length == 0 ? "" : f[3]));
            }
        }
        return codes.ToFrozenSet(StringComparer.Ordinal);
    }
}
