using System.Globalization;
using Cro.Web.Monitoring.Api;

namespace Cro.Web.Plans;

/// <summary>The plan API's words (states, sources of funding, management tools, risk levels) in the page's language, and its amounts.</summary>
public static class PlanLabels
{
    public static string Status(string status) => status switch
    {
        "draft" => Text.Pick("w przygotowaniu", "in preparation"),
        "consultation" => Text.Pick("w konsultacjach", "in consultation"),
        "revised" => Text.Pick("poprawiona po konsultacjach", "revised after consultation"),
        "adopted" => Text.Pick("przyjęta", "adopted"),
        "superseded" => Text.Pick("zastąpiona nowszą", "superseded"),
        _ => status,
    };

    /// <summary>The team changes the content only while the version is being written.</summary>
    public static bool IsEditable(string status) => status is "draft" or "revised";

    public static readonly IReadOnlyList<(string Value, string Label)> Sources =
    [
        ("jst", Text.Pick("środki własne JST", "the JST's own funds")),
        ("fers", "FERS"),
        ("feniks", "FEnIKS"),
        ("regional", Text.Pick("program regionalny FE", "regional EU programme")),
        ("kpo", "KPO"),
        ("other", Text.Pick("inne", "other")),
    ];

    /// <summary>A source's words; "unspecified" is spending a report gave without its sources.</summary>
    public static string Source(string source) =>
        Sources.FirstOrDefault(s => s.Value == source).Label ?? (source == "unspecified" ? Text.Pick("źródło niewskazane", "source not given") : source);

    public static readonly IReadOnlyList<(string Value, string Label)> Tools =
    [
        ("equipment-standard", Text.Pick("wspólny standard wyposażenia szkół", "a common equipment standard for schools")),
        ("central-it-service", Text.Pick("scentralizowana obsługa informatyczna (np. CUW)", "central IT service (e.g. a shared services centre)")),
        ("device-inventory", Text.Pick("ewidencja sprzętu i licencji", "an inventory of devices and licences")),
        ("device-management", Text.Pick("zdalne zarządzanie urządzeniami (MDM)", "remote device management (MDM)")),
        ("joint-procurement", Text.Pick("wspólne zamówienia sprzętu i usług", "joint procurement of devices and services")),
        ("helpdesk", Text.Pick("zgłaszanie i obsługa awarii (helpdesk)", "a helpdesk for faults")),
        ("security-policy", Text.Pick("polityka bezpieczeństwa informacji", "an information security policy")),
        ("training-plan", Text.Pick("plan doskonalenia kompetencji cyfrowych", "a plan for digital competence development")),
        ("indicator-monitoring", Text.Pick("monitorowanie wskaźników diagnozy", "monitoring the diagnosis's figures")),
    ];

    public static readonly IReadOnlyList<(string Value, string Label)> Levels =
        [("low", Text.Pick("niskie", "low")), ("medium", Text.Pick("średnie", "medium")), ("high", Text.Pick("wysokie", "high"))];

    public static string Level(string level) => Levels.FirstOrDefault(l => l.Value == level).Label ?? level;

    public static string Money(double amount) => Cro.Web.Site.Amounts.Pln(amount);

    /// <summary>A goal's value with its unit ("9.5 uczniów"); a dash for none.</summary>
    public static string Quantity(double? value, string unit) => value is { } v ? $"{v:0.##} {unit}" : "—";

    public static string Day(DateOnly? day) => day?.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo(Text.Pick("pl-PL", "en-GB"))) ?? "—";

    /// <summary>"ustalenie"-style text for a plan version: "wersja 2 (przyjęta 30 listopada 2026)".</summary>
    public static string Version(PlanVersion version) => Text.Pick($"wersja {version.Number}", $"version {version.Number}")
        + $" ({Status(version.Status)}" + (version.AdoptedOn is { } on ? $" {Day(on)}" : "") + ")";

    public static string ReportStatus(string status) => status switch
    {
        "draft" => Text.Pick("w przygotowaniu", "in preparation"),
        "submitted" => Text.Pick("przesłane do oceny", "submitted for review"),
        "returned" => Text.Pick("zwrócone do poprawy", "returned for changes"),
        "accepted" => Text.Pick("zaakceptowane", "accepted"),
        _ => status,
    };

    public static readonly IReadOnlyList<(string Value, string Label)> ActionStatuses =
    [
        ("not-started", Text.Pick("nierozpoczęte", "not started")),
        ("in-progress", Text.Pick("w toku", "in progress")),
        ("done", Text.Pick("zakończone", "done")),
        ("delayed", Text.Pick("opóźnione", "delayed")),
        ("abandoned", Text.Pick("zaniechane", "abandoned")),
    ];

    public static string ActionStatus(string status) => ActionStatuses.FirstOrDefault(s => s.Value == status).Label ?? status;

    public static string ReportAction(string action) => action switch
    {
        "submitted" => Text.Pick("przesłano do oceny", "submitted for review"),
        "returned" => Text.Pick("zwrócono do poprawy", "returned for changes"),
        "accepted" => Text.Pick("zaakceptowano", "accepted"),
        "due-moved" => Text.Pick("zmieniono termin", "due day moved"),
        _ => action,
    };

    /// <summary>Who reviews a report: the JST's advisor in the project's 12 months, an ORE monitor after them.</summary>
    public static string Reviewer(string reviewer) => reviewer == "advisor" ? Text.Pick("doradca JST", "the JST's advisor") : Text.Pick("monitor ORE", "an ORE monitor");

    public static string Period(DateOnly startsOn, DateOnly endsOn) => $"{Day(startsOn)} – {Day(endsOn)}";
}
