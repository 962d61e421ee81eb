using System.Globalization;
using Cro.Web.Monitoring.Api;

namespace Cro.Web.Diagnosis;

/// <summary>
/// A questionnaire's answers as the fields of its HTML form, and back: <c>{key}</c> holds a question's value (options chosen,
/// a scale's 1–5 or <see cref="DontKnow"/>), <c>{key}.nie-wiem</c> a number's "nie wiem", and a repeat group's rows
/// <c>{group}.{i}.key</c> (the row's key) and <c>{group}.{i}.{question}</c>. The form is rendered from the saved answers, or
/// after a refused post from what was posted, so nothing typed is lost; which conditional questions are asked follows the same
/// values.
/// </summary>
public sealed class AnswerFields
{
    public const string DontKnow = "nie-wiem";

    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);

    public string? Value(string name) => _values.TryGetValue(name, out var values) ? values.FirstOrDefault(v => v.Length > 0) : null;

    public bool Has(string name, string value) => _values.TryGetValue(name, out var values) && values.Contains(value);

    public static string DontKnowName(string name) => $"{name}.{DontKnow}";

    public static string RowName(string group, int row, string question) => $"{group}.{row}.{question}";

    /// <summary>The saved answers of every section (conditions may refer to another section's question).</summary>
    public static AnswerFields Of(IEnumerable<DiagnosisInstrumentSection> sections, IReadOnlyDictionary<string, DiagnosisAnswer> answers)
    {
        var fields = new AnswerFields();
        foreach (var question in sections.SelectMany(s => s.Questions))
        {
            if (!answers.TryGetValue(question.Key, out var answer))
            {
                continue;
            }
            if (question.Kind == "repeat-group")
            {
                foreach (var (row, i) in (answer.Rows ?? []).Select((row, i) => (row, i)))
                {
                    fields.Add(RowName(question.Key, i, "key"), row.Key);
                    foreach (var child in question.Questions ?? [])
                    {
                        if (row.Answers.TryGetValue(child.Key, out var value))
                        {
                            fields.Put(child, RowName(question.Key, i, child.Key), value);
                        }
                    }
                }
            }
            else
            {
                fields.Put(question, question.Key, answer);
            }
        }
        return fields;
    }

    /// <summary>These fields with the posted ones of <paramref name="section"/> in place of its saved answers.</summary>
    public AnswerFields WithPosted(DiagnosisInstrumentSection section, IFormCollection form)
    {
        var keys = section.Questions.Select(q => q.Key).ToHashSet(StringComparer.Ordinal);
        var fields = new AnswerFields();
        foreach (var (name, values) in _values.Where(v => !keys.Contains(v.Key.Split('.')[0])))
        {
            fields._values[name] = values;
        }
        foreach (var (name, values) in form.Where(f => keys.Contains(f.Key.Split('.')[0])))
        {
            fields._values[name] = [.. values.OfType<string>()];
        }
        return fields;
    }

    /// <summary>Asked: no condition, or the condition's choice question has one of its options.</summary>
    public bool IsAsked(DiagnosisQuestion question) =>
        question.ShownIf is not { } condition || condition.Options.Any(option => Has(condition.Question, option));

    /// <summary>The keys of a repeat group's rows that hold something, in order, with their field index.</summary>
    public IReadOnlyList<(int Index, string Key)> Rows(DiagnosisQuestion group) =>
    [
        .. Enumerable.Range(0, (group.MaxRows ?? 50) * 2 + 1)
            .Select(i => (Index: i, Key: Value(RowName(group.Key, i, "key"))))
            .Where(row => row.Key is not null)
            .Where(row => (group.Questions ?? []).Any(q => Value(RowName(group.Key, row.Index, q.Key)) is not null
                || Has(DontKnowName(RowName(group.Key, row.Index, q.Key)), "true")))
            .Select(row => (row.Index, row.Key!)),
    ];

    /// <summary>
    /// The answers of <paramref name="section"/>'s questions as the form holds them, a question not asked cleared; numbers that
    /// are not numbers are errors by the API's key. <paramref name="removeRow"/> (group and row key) leaves that row out.
    /// </summary>
    public Dictionary<string, DiagnosisAnswer> Answers(DiagnosisInstrumentSection section, FormErrors errors,
        (string Group, string Row)? removeRow = null)
    {
        var answers = new Dictionary<string, DiagnosisAnswer>(StringComparer.Ordinal);
        foreach (var question in section.Questions)
        {
            answers[question.Key] = !IsAsked(question) ? new DiagnosisAnswer()
                : question.Kind == "repeat-group" ? new DiagnosisAnswer { Rows = RowAnswers(question, errors, removeRow) }
                : Answer(question, question.Key, question.Key, errors);
        }
        return answers;
    }

    private List<DiagnosisAnswerRow> RowAnswers(DiagnosisQuestion group, FormErrors errors, (string Group, string Row)? removeRow) =>
    [
        .. Rows(group).Where(row => removeRow != (group.Key, row.Key)).Select(row => new DiagnosisAnswerRow
        {
            Key = row.Key,
            Answers = (group.Questions ?? [])
                .Select(q => (q.Key, Answer: Answer(q, RowName(group.Key, row.Index, q.Key), $"{group.Key}[{row.Key}].{q.Key}", errors)))
                .Where(a => !IsEmpty(a.Answer))
                .ToDictionary(a => a.Key, a => a.Answer),
        }),
    ];

    private DiagnosisAnswer Answer(DiagnosisQuestion question, string name, string errorKey, FormErrors errors)
    {
        var value = Value(name)?.Trim();
        switch (question.Kind)
        {
            case "number":
                var dontKnow = Has(DontKnowName(name), "true");
                if (value is null or "")
                {
                    return new DiagnosisAnswer { DontKnow = dontKnow };
                }
                if (!double.TryParse(value.Replace(" ", "").Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    errors.Add(errorKey, Text.Pick($"„{question.Text}”: wpisz liczbę (np. 12 albo 12,5).",
                        $"'{question.Text}': enter a number (e.g. 12 or 12.5)."));
                    return new DiagnosisAnswer();
                }
                return new DiagnosisAnswer { Number = number, DontKnow = dontKnow };
            case "single-choice":
                return new DiagnosisAnswer { Choice = value is null or "" ? null : value };
            case "multiple-choice":
                return new DiagnosisAnswer { Choices = _values.TryGetValue(name, out var chosen) ? [.. chosen.Where(c => c.Length > 0)] : null };
            case "scale":
                return value == DontKnow ? new DiagnosisAnswer { DontKnow = true }
                    : new DiagnosisAnswer { Scale = int.TryParse(value, CultureInfo.InvariantCulture, out var scale) ? scale : null };
            default:
                return new DiagnosisAnswer { Text = value is null or "" ? null : value };
        }
    }

    private static bool IsEmpty(DiagnosisAnswer answer) => answer.Number is null && answer.Choice is null && answer.Choices is null or { Count: 0 }
        && answer.Scale is null && answer.DontKnow != true && answer.Text is null && answer.Rows is null or { Count: 0 };

    private void Put(DiagnosisQuestion question, string name, DiagnosisAnswer answer)
    {
        switch (question.Kind)
        {
            case "number":
                Add(name, answer.Number?.ToString("0.##########", CultureInfo.CurrentCulture));
                Add(DontKnowName(name), answer.DontKnow == true ? "true" : null);
                break;
            case "scale":
                Add(name, answer.DontKnow == true ? DontKnow : answer.Scale?.ToString(CultureInfo.InvariantCulture));
                break;
            default:
                foreach (var value in new[] { answer.Choice, answer.Text }.Concat(answer.Choices ?? []))
                {
                    Add(name, value);
                }
                break;
        }
    }

    private void Add(string name, string? value)
    {
        if (value is null)
        {
            return;
        }
        if (!_values.TryGetValue(name, out var values))
        {
            _values[name] = values = [];
        }
        values.Add(value);
    }
}
