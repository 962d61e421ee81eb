using System.Text.RegularExpressions;

namespace Cro.Recruitment.Features.Marginalisation;

/// <summary>
/// Reads the uploaded list: one TERC code per line (a header line, a second column with the name,
/// and ; or , as separator are all fine), and sorts the lines into codes to mark and problems.
/// </summary>
public static partial class MarginalisationList
{
    [OpenApiSchemaName("MarginalisationListProblem")]
    public sealed record Problem(int Line, string Text, string Reason);

    public sealed record Parsed(int Lines, IReadOnlyList<string> Codes, IReadOnlyList<Problem> Problems);

    public static Parsed Parse(IEnumerable<string> lines, IReadOnlySet<string> registered)
    {
        var codes = new List<string>();
        var seen = new Dictionary<string, int>();
        var problems = new List<Problem>();
        var number = 0;
        foreach (var raw in lines)
        {
            number++;
            var text = raw.Trim().TrimStart('\uFEFF');
            var first = text.Split([';', ',', '\t'], 2)[0].Trim().Trim('"');
            if (text.Length == 0 || (number == 1 && !first.Any(char.IsAsciiDigit)))
            {
                continue; // blank lines and a header
            }
            if (!Terc().IsMatch(first))
            {
                problems.Add(new Problem(number, text, "invalid"));
            }
            else if (seen.TryGetValue(first, out var earlier))
            {
                problems.Add(new Problem(number, text, $"duplicate-of-line-{earlier}"));
            }
            else if (!registered.Contains(first))
            {
                seen[first] = number;
                problems.Add(new Problem(number, text, "unknown"));
            }
            else
            {
                seen[first] = number;
                codes.Add(first);
            }
        }
        return new Parsed(number, codes, problems);
    }

    [GeneratedRegex("^[0-9]{7}$")]
    private static partial Regex Terc();
}
