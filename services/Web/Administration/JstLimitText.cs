namespace Cro.Web.Administration;

/// <summary>
/// A partner client's JST limit as an administrator types it: TERC codes one a line or separated by commas, semicolons or
/// spaces (as pasted from a spreadsheet or a members' list). Identity checks each code; an empty text means no limit.
/// </summary>
public static class JstLimitText
{
    private static readonly char[] Separators = [',', ';', ' ', '\t', '\r', '\n'];

    public static IReadOnlyList<string> Parse(string? text) =>
        [.. (text ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];

    /// <summary>The limit as the form shows it again: one code a line.</summary>
    public static string Format(IReadOnlyList<string>? tercs) => string.Join('\n', tercs ?? []);
}
