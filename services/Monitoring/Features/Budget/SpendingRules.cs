using System.Globalization;
using System.Text.RegularExpressions;

namespace Cro.Monitoring.Features.Budget;

/// <summary>
/// What makes a line of spending acceptable, for lines typed in and lines of an imported CSV alike: a known task, a month
/// within the task's period (and the project's), an amount above zero to the grosz, EU and national parts that add up to it
/// (both left out: split by the project's EU share), a document number; and, over all lines, no task spending more in a
/// year than the plan gives it.
/// </summary>
public static partial class SpendingRules
{
    public const int DocumentMaxLength = 100;
    public const int DescriptionMaxLength = 500;
    public const decimal MaxAmount = 999_999_999_999.99m;

    /// <summary>A line as checked: its values, or the messages (Polish and English) against each field that is wrong.</summary>
    public sealed record Checked(int Task, DateOnly Month, decimal Amount, decimal Eu, decimal National, string Document, string? Description,
        IReadOnlyList<(string Field, string Pl, string En)> Errors)
    {
        public bool Valid => Errors.Count == 0;
    }

    [GeneratedRegex(@"^(\d{4})-(\d{2})$")]
    private static partial Regex MonthPattern();

    public static DateOnly? ParseMonth(string? month)
    {
        if (month is null || MonthPattern().Match(month.Trim()) is not { Success: true } m)
        {
            return null;
        }
        var (year, number) = (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
        return number is >= 1 and <= 12 && year is >= 2000 and <= 2100 ? new DateOnly(year, number, 1) : null;
    }

    public static string Month(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static string Zl(decimal amount) => amount.ToString("#,0.00", CultureInfo.GetCultureInfo("pl-PL")) + " zł";

    /// <summary>The line's own checks (not the plan, which takes every line together).</summary>
    public static Checked Check(BudgetBook book, int? task, string? month, decimal? amount, decimal? eu, decimal? national, string? document, string? description)
    {
        var errors = new List<(string, string, string)>();
        void Error(string field, string pl, string en) => errors.Add((field, pl, en));

        var known = task is { } number ? book.Task(number) : null;
        if (task is null)
        {
            Error("task", "Podaj numer zadania (1–4).", "Give the task's number (1–4).");
        }
        else if (known is null)
        {
            Error("task", $"Nieznane zadanie {task}: projekt ma zadania 1–{book.Tasks.Count}.", $"Unknown task {task}: the project has tasks 1–{book.Tasks.Count}.");
        }

        var parsedMonth = ParseMonth(month);
        if (parsedMonth is null)
        {
            Error("month", "Podaj miesiąc w postaci RRRR-MM, np. 2024-05.", "Give the month as YYYY-MM, e.g. 2024-05.");
        }
        else if (known is not null)
        {
            var (first, last) = known.Months(book.Whole);
            if (parsedMonth < first || parsedMonth > last)
            {
                Error("month", $"Miesiąc {Month(parsedMonth.Value)} jest poza okresem zadania {known.Number} ({Month(first)} – {Month(last)}).",
                    $"The month {Month(parsedMonth.Value)} is outside task {known.Number}'s period ({Month(first)} – {Month(last)}).");
            }
        }

        var amountOk = false;
        if (amount is not { } value || value <= 0)
        {
            Error("amount", "Kwota musi być większa od zera.", "The amount must be above zero.");
        }
        else if (decimal.Round(value, 2) != value || value > MaxAmount)
        {
            Error("amount", "Kwotę podaj w złotych z dokładnością do grosza.", "Give the amount in złoty to the grosz.");
        }
        else
        {
            amountOk = true;
        }

        // Both parts left out: split by the project's EU share, the EU part rounded to the grosz. One given: the other is the rest.
        var total = amount ?? 0m;
        var (euPart, nationalPart) = (eu, national) switch
        {
            (null, null) => (decimal.Round(total * book.EuShare, 2, MidpointRounding.AwayFromZero), total - decimal.Round(total * book.EuShare, 2, MidpointRounding.AwayFromZero)),
            (null, { } n) => (total - n, n),
            ({ } e, null) => (e, total - e),
            ({ } e, { } n) => (e, n),
        };
        foreach (var (field, part, given) in new[] { ("eu", euPart, eu), ("national", nationalPart, national) })
        {
            if (given is { } g && (g < 0 || decimal.Round(g, 2) != g))
            {
                Error(field, field == "eu" ? "Część UE: kwota nieujemna z dokładnością do grosza." : "Część krajowa: kwota nieujemna z dokładnością do grosza.",
                    field == "eu" ? "The EU part: an amount not below zero, to the grosz." : "The national part: an amount not below zero, to the grosz.");
            }
        }
        if (amountOk && errors.All(e => e.Item1 is not ("eu" or "national")) && (euPart < 0 || nationalPart < 0 || euPart + nationalPart != total))
        {
            Error("eu", $"Część UE ({Zl(euPart)}) i część krajowa ({Zl(nationalPart)}) muszą dać razem kwotę wydatku ({Zl(total)}).",
                $"The EU part ({Zl(euPart)}) and the national part ({Zl(nationalPart)}) must add up to the amount ({Zl(total)}).");
        }

        var doc = document?.Trim();
        if (string.IsNullOrEmpty(doc))
        {
            Error("document", "Podaj numer dokumentu księgowego.", "Give the accounting document's number.");
        }
        else if (doc.Length > DocumentMaxLength)
        {
            Error("document", $"Numer dokumentu: najwyżej {DocumentMaxLength} znaków.", $"The document number: at most {DocumentMaxLength} characters.");
        }
        var about = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        if (about?.Length > DescriptionMaxLength)
        {
            Error("description", $"Opis: najwyżej {DescriptionMaxLength} znaków.", $"The description: at most {DescriptionMaxLength} characters.");
        }
        return new(task ?? 0, parsedMonth ?? default, total, euPart, nationalPart, doc ?? "", about, errors);
    }

    /// <summary>
    /// The lines, in order, against the plan: each valid line adds to its task's spending in its year (on top of what is
    /// booked already); a line that would take it past the plan gets an error naming the task, the year and by how much,
    /// and does not count. Returns the lines with those errors added.
    /// </summary>
    public static List<Checked> AgainstPlan(BudgetBook book, IReadOnlyList<Checked> lines, Dictionary<(int Task, int Year), decimal> spent)
    {
        var running = new Dictionary<(int Task, int Year), decimal>(spent);
        var result = new List<Checked>(lines.Count);
        foreach (var line in lines)
        {
            if (!line.Valid)
            {
                result.Add(line);
                continue;
            }
            var key = (line.Task, line.Month.Year);
            var after = running.GetValueOrDefault(key) + line.Amount;
            var planned = book.Planned(line.Task, line.Month.Year);
            if (after > planned)
            {
                result.Add(line with
                {
                    Errors = [("amount", $"Wydatki zadania {line.Task} w {line.Month.Year} r. wyniosłyby {Zl(after)}, o {Zl(after - planned)} więcej niż plan ({Zl(planned)}).",
                        $"Task {line.Task}'s spending in {line.Month.Year} would come to {Zl(after)}, {Zl(after - planned)} above its plan ({Zl(planned)}).")],
                });
                continue;
            }
            running[key] = after;
            result.Add(line);
        }
        return result;
    }

    /// <summary>The errors of lines sent together, each field named by the line's place: <c>lines[2].amount</c>.</summary>
    public static Dictionary<string, string[]> Errors(IReadOnlyList<Checked> lines, string prefix = "lines") =>
        lines.SelectMany((line, i) => line.Errors.Select(e => (Field: $"{prefix}[{i}].{e.Field}", Message: Text.Pick(e.Pl, e.En))))
            .GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());

    public const string InsertSql = """
        INSERT INTO budget_spending (id, task, month, amount, eu, national, document, description, import_id, entered_by, entered_at)
        VALUES (@id, @task, @month, @amount, @eu, @national, @document, @description, @importId, @by, @at)
        """;

    public static Task InsertAsync(DataSession session, Guid id, Checked line, Guid? importId, Guid by, DateTimeOffset at) =>
        session.ExecuteAsync(InsertSql, new { id, task = line.Task, month = line.Month, amount = line.Amount, eu = line.Eu, national = line.National,
            document = line.Document, description = line.Description, importId, by, at });
}
