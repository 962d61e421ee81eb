using System.Globalization;
using System.Text;

namespace Cro.Monitoring.Features.Budget;

/// <summary>
/// Reads a CSV of spending as finance systems and Excel in Poland write it: semicolons between the columns
/// zadanie;miesiąc;kwota;część UE;część krajowa;dokument;opis (the last optional), numbers with a decimal comma or point
/// and spaces between thousands, a header row allowed (a first row whose task is not a number), quotes around fields that
/// hold a semicolon. Each line is numbered as in the file, and each value that cannot be read is an error of its field.
/// </summary>
public static class SpendingCsv
{
    /// <summary>A line of the file: its number, the values read (null where empty or unreadable) and what could not be read.</summary>
    public sealed record Row(int Line, int? Task, string? Month, decimal? Amount, decimal? Eu, decimal? National, string? Document, string? Description,
        List<(string Field, string Pl, string En)> Unreadable);

    public static List<Row> Read(string csv)
    {
        var rows = new List<Row>();
        var lines = csv.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }
            var cells = Split(lines[i]);
            var first = cells[0].Trim();
            if (rows.Count == 0 && i == FirstNonEmpty(lines) && first.Length > 0 && !first.All(char.IsDigit))
            {
                continue; // the header
            }
            rows.Add(Parse(i + 1, cells));
        }
        return rows;
    }

    private static int FirstNonEmpty(string[] lines) => Array.FindIndex(lines, l => !string.IsNullOrWhiteSpace(l));

    private static Row Parse(int line, List<string> cells)
    {
        var unreadable = new List<(string, string, string)>();
        string? Cell(int i) => i < cells.Count && cells[i].Trim() is { Length: > 0 } value ? value : null;
        if (cells.Count < 6)
        {
            unreadable.Add(("columns", $"Wiersz ma {cells.Count} kolumn(y), a potrzeba co najmniej 6: zadanie;miesiąc;kwota;część UE;część krajowa;dokument;opis.",
                $"The line has {cells.Count} column(s); at least 6 are needed: task;month;amount;EU part;national part;document;description."));
        }
        int? task = null;
        if (Cell(0) is { } t)
        {
            if (int.TryParse(t.Replace("Zadanie", "", StringComparison.OrdinalIgnoreCase).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                task = n;
            }
            else
            {
                unreadable.Add(("task", $"Zadanie „{t}” nie jest numerem zadania.", $"The task '{t}' is not a task number."));
            }
        }
        decimal? Amount(int i, string field, string pl, string en)
        {
            if (Cell(i) is not { } text)
            {
                return null;
            }
            if (ParseAmount(text) is { } value)
            {
                return value;
            }
            unreadable.Add((field, $"{pl}: „{text}” nie jest kwotą.", $"{en}: '{text}' is not an amount."));
            return null;
        }
        return new(line, task, Month(Cell(1)), Amount(2, "amount", "Kwota", "The amount"), Amount(3, "eu", "Część UE", "The EU part"),
            Amount(4, "national", "Część krajowa", "The national part"), Cell(5), Cell(6), unreadable);
    }

    /// <summary>2024-05 as it is; 05.2024, 5/2024 and a whole date (2024-05-31, 31.05.2024) as its month.</summary>
    private static string? Month(string? text)
    {
        if (text is null)
        {
            return null;
        }
        string[] formats = ["yyyy-MM", "MM.yyyy", "M.yyyy", "MM/yyyy", "M/yyyy", "yyyy-MM-dd", "dd.MM.yyyy", "d.M.yyyy"];
        return DateOnly.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? SpendingRules.Month(new DateOnly(date.Year, date.Month, 1))
            : text;
    }

    /// <summary>1 234,56 or 1234.56 or 1.234,56 (a comma present: dots separate thousands); "zł" after it allowed.</summary>
    public static decimal? ParseAmount(string text)
    {
        var bare = new string([.. text.Replace("zł", "", StringComparison.OrdinalIgnoreCase).Where(c => !char.IsWhiteSpace(c) && c != '\u00A0')]);
        if (bare.Contains(',', StringComparison.Ordinal))
        {
            bare = bare.Replace(".", "", StringComparison.Ordinal).Replace(',', '.');
        }
        return decimal.TryParse(bare, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
    }

    /// <summary>The fields of one line: semicolons separate them except within double quotes ("" is a quote).</summary>
    private static List<string> Split(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ';')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }
        cells.Add(cell.ToString());
        return cells;
    }
}
