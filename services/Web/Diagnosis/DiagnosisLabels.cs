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
