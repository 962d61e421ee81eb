using System.Globalization;
using Cro.Web.Monitoring.Api;

namespace Cro.Web.Monitoring.Budget;

/// <summary>How the budget pages write tasks, months, quarters and shares.</summary>
public static class BudgetLabels
{
    private static readonly CultureInfo Polish = CultureInfo.GetCultureInfo("pl-PL");
    private static CultureInfo Culture => Text.Pick("pl", "en") == "pl" ? Polish : CultureInfo.GetCultureInfo("en-GB");

    public static string Zl(double amount) => amount.ToString("#,0.00", Polish) + " zł";

    public static string Percent(double part, double whole) => whole == 0 ? "—" : (part * 100 / whole).ToString("0.0", Polish) + " %";

    public static string Share(double percent) => percent.ToString("0.##", Polish) + " %";

    /// <summary>"2024-Q2" → "II kw. 2024".</summary>
    public static string Quarter(string quarter) =>
        quarter.Split("-Q") is [var year, var q] && int.TryParse(q, out var n) && n is >= 1 and <= 4
            ? Text.Pick($"{new[] { "I", "II", "III", "IV" }[n - 1]} kw. {year}", $"Q{n} {year}")
            : quarter;

    /// <summary>"2024-05" → "maj 2024".</summary>
    public static string Month(string month) =>
        DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day.ToString("MMMM yyyy", Culture)
            : month;

    public static string Day(DateOnly day) => day.ToString("d MMMM yyyy", Culture);

    public static string TaskName(BudgetTaskView task) => Text.Pick(task.ShortNamePl, task.ShortNameEn);

    public static string Stage(string stage) => stage switch
    {
        "planned" => Text.Pick("przed rozpoczęciem", "not started"),
        "running" => Text.Pick("w realizacji", "under way"),
        "ended" => Text.Pick("zakończone", "ended"),
        _ => stage,
    };

    /// <summary>A coordinate in an SVG attribute: invariant, two decimals.</summary>
    public static string Svg(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
