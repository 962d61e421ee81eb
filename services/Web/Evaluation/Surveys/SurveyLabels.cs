using System.Globalization;
using Cro.Web.Evaluation.Api;

namespace Cro.Web.Evaluation.Surveys;

/// <summary>The words and numbers the survey pages show.</summary>
public static class SurveyLabels
{
    /// <summary>The kinds of group results are shown by, with the words of the selector (the API's codes first).</summary>
    public static IReadOnlyList<(string Value, string Label)> GroupKinds =>
    [
        ("module", Text.Pick("moduł szkolenia", "training module")), ("cohort", Text.Pick("grupa szkoleniowa", "cohort")),
        ("trainer", Text.Pick("trener", "trainer")), ("advisor", Text.Pick("doradca", "advisor")), ("conference", Text.Pick("konferencja", "conference")),
    ];

    public static string GroupKind(string by) => GroupKinds.FirstOrDefault(k => k.Value == by).Label ?? by;

    public static string Day(DateOnly day) => Cro.Web.Consultation.ConsultationLabels.Day(day);

    /// <summary>A number the Polish way (a decimal comma), or a dash.</summary>
    public static string Number(double? value, string format = "0.0") => value is { } v
        ? v.ToString(format, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo("pl-PL"))
        : "—";

    /// <summary>What a group below the threshold shows instead of figures.</summary>
    public static string TooFew(int threshold) => Text.Pick($"za mało odpowiedzi (n < {threshold})", $"too few answers (n < {threshold})");

    public static string Svg(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>The form's fields, named after the question ids (the page reads them back by this prefix).</summary>
    public const string FieldPrefix = "q.";

    public static string FieldId(string questionId) => $"survey-{questionId}";

    /// <summary>The id an error summary links to for a question: a scale's or choice's first option, or the text box.</summary>
    public static string FirstId(SurveyQuestion question) => question.Kind switch
    {
        "scale" => $"{FieldId(question.Id)}-1",
        "choice" when question.Options is { Count: > 0 } options => $"{FieldId(question.Id)}-{options[0].Id}",
        _ => FieldId(question.Id),
    };

    /// <summary>The answers of a posted form, by question id (empty ones left out).</summary>
    public static Dictionary<string, string> Answers(IFormCollection form) => form.Keys
        .Where(k => k.StartsWith(FieldPrefix, StringComparison.Ordinal))
        .Select(k => (Id: k[FieldPrefix.Length..], Value: form[k].ToString().Trim()))
        .Where(a => a.Value.Length > 0)
        .ToDictionary(a => a.Id, a => a.Value);
}
