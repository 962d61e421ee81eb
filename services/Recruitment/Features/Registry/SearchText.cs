using System.Globalization;
using System.Text;

namespace Cro.Recruitment.Features.Registry;

/// <summary>
/// The form names are matched in: lower case, Polish diacritics removed (ł has no decomposition, so
/// it is mapped by hand), anything but letters and digits turned into single spaces. "Kędzierzyn-Koźle"
/// becomes "kedzierzyn kozle", so "lodz", "ŁÓDŹ" and "Łódź" all find Łódź.
/// </summary>
public static class SearchText
{
    public static string Normalize(string text)
    {
        var decomposed = text.Trim().ToLower(CultureInfo.InvariantCulture).Normalize(NormalizationForm.FormD);
        var result = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            var mapped = c == 'ł' ? 'l' : c;
            if (char.IsAsciiLetterOrDigit(mapped))
            {
                if (pendingSpace && result.Length > 0)
                {
                    result.Append(' ');
                }
                pendingSpace = false;
                result.Append(mapped);
            }
            else
            {
                pendingSpace = true;
            }
        }
        return result.ToString();
    }
}
