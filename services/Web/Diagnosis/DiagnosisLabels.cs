using Cro.Web.Monitoring.Api;

namespace Cro.Web.Diagnosis;

/// <summary>The diagnosis and schools register API's words (kinds, states, changes) in the page's language.</summary>
public static class DiagnosisLabels
{
    public static readonly IReadOnlyList<string> Kinds = ["baseline", "after-12-months", "after-36-months"];

    public static string Kind(string kind) => kind switch
    {
        "baseline" => Text.Pick("diagnoza wyjściowa", "baseline diagnosis"),
        "after-12-months" => Text.Pick("diagnoza po 12 miesiącach", "diagnosis after 12 months"),
        "after-36-months" => Text.Pick("diagnoza po 36 miesiącach", "diagnosis after 36 months"),
        _ => kind,
    };

    public static string Status(string status) => status switch
    {
        "draft" => Text.Pick("w przygotowaniu", "in preparation"),
        "submitted" => Text.Pick("przesłana do oceny", "submitted for review"),
        "returned" => Text.Pick("zwrócona do poprawy", "returned for changes"),
        "accepted" => Text.Pick("zaakceptowana", "accepted"),
        _ => status,
    };

    /// <summary>The team changes findings and submits while the diagnosis is in preparation or returned.</summary>
    public static bool IsEditable(string status) => status is "draft" or "returned";

    public static readonly IReadOnlyList<string> Priorities = ["high", "medium", "low"];

    public static string Priority(string priority) => priority switch
    {
        "high" => Text.Pick("wysoki", "high"),
        "medium" => Text.Pick("średni", "medium"),
        "low" => Text.Pick("niski", "low"),
        _ => priority,
    };

    public static string ReviewAction(string action) => action switch
    {
        "submitted" => Text.Pick("przesłano do oceny", "submitted for review"),
        "commented" => Text.Pick("uwaga oceniającego", "the reviewer's comment"),
        "changes-requested" => Text.Pick("zwrócono do poprawy", "returned for changes"),
        "comment-addressed" => Text.Pick("odpowiedź zespołu na uwagę", "the team's answer to a comment"),
        "accepted" => Text.Pick("zaakceptowano", "accepted"),
        _ => action,
    };

    public static string Light(string? light) => light switch
    {
        "green" => Text.Pick("zielone: spełnia standard", "green: meets the standard"),
        "amber" => Text.Pick("żółte: blisko standardu", "amber: near the standard"),
        "red" => Text.Pick("czerwone: poniżej standardu", "red: below the standard"),
        _ => Text.Pick("bez oceny", "not rated"),
    };

    /// <summary>The kind of JST a picture compares with (the service's group).</summary>
    public static string Group(string? group) => group switch
    {
        "gmina" => Text.Pick("gminy", "gminy (municipalities)"),
        "powiat" => Text.Pick("powiaty", "powiaty (counties)"),
        "city" => Text.Pick("miasta na prawach powiatu", "cities with powiat rights"),
        "voivodeship" => Text.Pick("województwa", "voivodeships"),
        _ => Text.Pick("rodzaj nieznany", "kind unknown"),
    };

    public static string ReminderOutcome(string outcome) => outcome switch
    {
        "sent" => Text.Pick("przypomnienie wysłane", "reminder sent"),
        "already-reminded-today" => Text.Pick("przypomniano już dziś", "already reminded today"),
        "no-link-with-email" => Text.Pick("brak łącza wysłanego na adres dyrektora", "no link mailed to the director"),
        _ => outcome,
    };

    /// <summary>A figure's number as people read it: Polish format, at most two decimals.</summary>
    public static string Number(double? value) => value is { } v
        ? v.ToString("#,0.##", System.Globalization.CultureInfo.GetCultureInfo(Text.Pick("pl-PL", "en-GB")))
        : "—";

    public static string QuestionnaireStatus(string status) => status switch
    {
        "open" => Text.Pick("w trakcie wypełniania", "being filled in"),
        "submitted" => Text.Pick("przesłany", "submitted"),
        _ => status,
    };

    public static string LinkState(string state) => state switch
    {
        "active" => Text.Pick("aktywne", "active"),
        "revoked" => Text.Pick("unieważnione", "revoked"),
        "replaced" => Text.Pick("zastąpione nowszym", "replaced by a newer one"),
        "expired" => Text.Pick("wygasło", "expired"),
        _ => state,
    };

    public static string SchoolStatus(string status) => status switch
    {
        "active" => Text.Pick("czynna", "active"),
        "closed" => Text.Pick("zamknięta", "closed"),
        _ => status,
    };

    public static string SchoolChange(string change) => change switch
    {
        "register-updated" => Text.Pick("zaktualizowana z rejestru RSPO", "updated from the RSPO register"),
        "added" => Text.Pick("dodana przez zespół", "added by the team"),
        "corrected" => Text.Pick("poprawiona", "corrected"),
        "closed" => Text.Pick("zamknięta", "closed"),
        "reopened" => Text.Pick("przywrócona", "reopened"),
        _ => change,
    };

    public static string Respondent(string respondent) => respondent switch
    {
        "jst-team" => Text.Pick("wypełnia zespół JST", "filled in by the JST team"),
        "school-director" => Text.Pick("wypełnia dyrektor szkoły", "filled in by the school director"),
        "school-it-administrator" => Text.Pick("wypełnia informatyk szkoły (dyrektor może przekazać mu to łącze)",
            "filled in by the school's IT administrator (the director may pass the link on)"),
        _ => respondent,
    };

    /// <summary>"12 z 40 pytań obowiązkowych (30%)".</summary>
    public static string Progress(DiagnosisQuestionnaireProgress progress) => Text.Pick(
        $"{progress.AnsweredRequired} z {progress.RequiredQuestions} pytań obowiązkowych ({progress.Percent}%)",
        $"{progress.AnsweredRequired} of {progress.RequiredQuestions} required questions ({progress.Percent}%)");

    public static string Address(School school) =>
        string.Join(", ", new[] { $"{school.Street} {school.HouseNumber}".Trim(), $"{school.Postcode} {school.Town}".Trim() }
            .Where(p => p.Length > 0));

    /// <summary>The school's number in the national register, or that the team added it.</summary>
    public static string Rspo(School school) =>
        school.RspoId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Text.Pick("dodana przez zespół", "added by the team");
}
