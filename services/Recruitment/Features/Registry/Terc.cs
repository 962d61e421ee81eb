using System.Text.RegularExpressions;

namespace Cro.Recruitment.Features.Registry;

public static partial class Terc
{
    /// <summary>WW (województwo), WWPP (powiat) or WWPPGGR (gmina).</summary>
    [GeneratedRegex("^[0-9]{2}([0-9]{2}([0-9]{3})?)?$")]
    public static partial Regex Code();

    [GeneratedRegex("^[0-9]{2}$")]
    public static partial Regex VoivodeshipCode();
}
