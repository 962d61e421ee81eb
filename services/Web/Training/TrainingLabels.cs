using System.Globalization;
using Cro.Web.Training.Api;

namespace Cro.Web.Training;

/// <summary>The training API's words (forms, outcome categories, marks, tests) and its numbers in the page's language.</summary>
public static class TrainingLabels
{
    public static readonly IReadOnlyList<string> Forms = ["stationary", "online", "blended"];

    public static readonly IReadOnlyList<string> OutcomeCategories = ["knowledge", "skills", "social"];

    public static string Form(string form) => form switch
    {
        "stationary" => Text.Pick("stacjonarna", "on-site"),
        "online" => Text.Pick("online", "online"),
        "blended" => Text.Pick("mieszana (stacjonarna i online)", "blended (on-site and online)"),
        _ => form,
    };

    public static string OutcomeCategory(string category) => category switch
    {
        "knowledge" => Text.Pick("Wiedza", "Knowledge"),
        "skills" => Text.Pick("Umiejętności", "Skills"),
        "social" => Text.Pick("Kompetencje społeczne", "Social competences"),
        _ => category,
    };

    public static string Attendance(string? status) => status switch
    {
        AttendanceStatus.Present => Text.Pick("obecny(-a)", "present"),
        AttendanceStatus.Absent => Text.Pick("nieobecny(-a)", "absent"),
        AttendanceStatus.Excused => Text.Pick("usprawiedliwiony(-a)", "excused"),
        null => Text.Pick("nie zaznaczono", "not marked"),
        _ => status,
    };

    public static string AttendanceSource(string? source) => source switch
    {
        "trainer" => Text.Pick("trener", "trainer"),
        "check-in" => Text.Pick("kod obecności", "check-in code"),
        _ => "—",
    };

    public static string Test(string kind) => kind == TestKind.Pre ? Text.Pick("pre-test", "pre-test") : Text.Pick("post-test", "post-test");

    public static string TestTitle(string kind) => kind == TestKind.Pre ? Text.Pick("Pre-test", "Pre-test") : Text.Pick("Post-test", "Post-test");

    public static string MaterialKind(string kind) => kind switch
    {
        MaterialView.Lesson => Text.Pick("lekcja", "lesson"),
        MaterialView.Link => Text.Pick("łącze", "link"),
        MaterialView.File => Text.Pick("plik", "file"),
        _ => kind,
    };

    public static string QuestionKind(string kind) => kind == Cro.Web.Training.Api.QuestionKind.Multiple
        ? Text.Pick("wielokrotnego wyboru", "multiple choice")
        : Text.Pick("jednokrotnego wyboru", "single choice");

    public static string YesNo(bool value) => value ? Text.Pick("tak", "yes") : Text.Pick("nie", "no");

    /// <summary>Hours as people write them: "16", "12,5" in Polish.</summary>
    public static string Hours(double hours) => hours.ToString("0.##", CultureInfo.CurrentCulture);

    /// <summary>A share in per cent as people write it: "62,5 %" in Polish, "62.5%" in English.</summary>
    public static string Percent(double percent) => Text.Pick($"{percent.ToString("0.##", CultureInfo.CurrentCulture)} %",
        $"{percent.ToString("0.##", CultureInfo.CurrentCulture)}%");

    public static string Percent(double? percent) => percent is { } p ? Percent(p) : "—";

    /// <summary>A difference in percentage points, with its sign: "+12,5 p.p.".</summary>
    public static string Points(double? gain) => gain is { } g
        ? Text.Pick($"{g.ToString("+0.##;−0.##;0", CultureInfo.CurrentCulture)} p.p.", $"{g.ToString("+0.##;−0.##;0", CultureInfo.CurrentCulture)} pp")
        : "—";

    public static string FileSize(long? bytes) => bytes switch
    {
        null => "",
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{(bytes.Value / 1024m).ToString("0", CultureInfo.CurrentCulture)} kB",
        _ => $"{(bytes.Value / 1024m / 1024m).ToString("0.#", CultureInfo.CurrentCulture)} MB",
    };

    /// <summary>"12 maja 2026, 10:00–13:30": a session's day and hours, in Warsaw time.</summary>
    public static string SessionTime(SessionView session) =>
        $"{WarsawTime.Format(session.StartsAt)}–{WarsawTime.InWarsaw(session.EndsAt):HH:mm}";
}
