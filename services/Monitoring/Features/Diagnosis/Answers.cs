using System.Text.Json.Serialization;

namespace Cro.Monitoring.Features.Diagnosis;

/// <summary>
/// An answer, as the kind of its question wants it: <see cref="Number"/> (or <see cref="DontKnow"/> where the question
/// allows it), <see cref="Choice"/> (single choice: an option's key), <see cref="Choices"/> (multiple choice: option
/// keys), <see cref="Scale"/> (1–5, or <see cref="DontKnow"/>), <see cref="Text"/>, or <see cref="Rows"/> (a repeat
/// group: each row's answers by the row questions' keys). An answer with nothing in it clears the question.
/// </summary>
[OpenApiSchemaName("DiagnosisAnswer")]
public sealed record AnswerValue(decimal? Number = null, string? Choice = null, IReadOnlyList<string>? Choices = null, int? Scale = null,
    bool DontKnow = false, string? Text = null, IReadOnlyList<AnswerRow>? Rows = null)
{
    [JsonIgnore]
    public bool IsEmpty => Number is null && Choice is null && Choices is null or [] && Scale is null && !DontKnow && string.IsNullOrWhiteSpace(Text)
        && Rows is null or [];

    /// <summary>The options chosen, whichever choice it is.</summary>
    [JsonIgnore]
    public IEnumerable<string> Chosen => Choice is null ? Choices ?? [] : [Choice];
}

/// <summary>A row of a repeat group: a key the respondent's form gives it (letters, digits, - and _), and its answers.</summary>
[OpenApiSchemaName("DiagnosisAnswerRow")]
public sealed record AnswerRow(string Key, IReadOnlyDictionary<string, AnswerValue> Answers);

/// <summary>An answer as a row of the answers table.</summary>
public sealed record StoredAnswer(string QuestionKey, string RowKey, int RowOrdinal, decimal? NumberValue, string[]? ChoiceKeys, int? ScaleValue,
    string? TextValue, bool DontKnow)
{
    // Dapper reads text[] columns as System.Array, which no constructor parameter matches: it sets the properties instead.
    [ExplicitConstructor]
    private StoredAnswer() : this("", "", 0, null, null, null, null, false)
    {
    }

    /// <summary>The rows that store <paramref name="value"/> of <paramref name="question"/> (a group's: one a row and row question).</summary>
    public static IEnumerable<StoredAnswer> Of(QuestionDefinition question, AnswerValue value) => question.Kind == QuestionKind.RepeatGroup
        ? (value.Rows ?? []).SelectMany((row, ordinal) => row.Answers.Where(a => a.Value is { IsEmpty: false })
            .Select(a => Of(a.Key, row.Key, ordinal + 1, a.Value)))
        : [Of(question.Key, "", 0, value)];

    private static StoredAnswer Of(string key, string rowKey, int ordinal, AnswerValue value) =>
        new(key, rowKey, ordinal, value.Number, value.Chosen.ToArray() is { Length: > 0 } chosen ? chosen : null, value.Scale, value.Text?.Trim(), value.DontKnow);

    /// <summary>The answer this row holds, as the question's kind shows it.</summary>
    public AnswerValue Value(string kind) => kind switch
    {
        QuestionKind.Number => new(Number: NumberValue, DontKnow: DontKnow),
        QuestionKind.SingleChoice => new(Choice: ChoiceKeys?.FirstOrDefault()),
        QuestionKind.MultipleChoice => new(Choices: ChoiceKeys),
        QuestionKind.Scale => new(Scale: ScaleValue, DontKnow: DontKnow),
        _ => new(Text: TextValue),
    };

    /// <summary>The answers of a questionnaire by question key, repeat groups with their rows in order.</summary>
    public static Dictionary<string, AnswerValue> Read(Instrument instrument, IEnumerable<StoredAnswer> rows)
    {
        var answers = new Dictionary<string, AnswerValue>(StringComparer.Ordinal);
        foreach (var byQuestion in rows.Where(r => r.RowKey.Length == 0))
        {
            if (instrument.Find(byQuestion.QuestionKey) is { Group: null } placed)
            {
                answers[byQuestion.QuestionKey] = byQuestion.Value(placed.Question.Kind);
            }
        }
        var inRows = rows.Where(r => r.RowKey.Length > 0)
            .Select(r => (Row: r, Placed: instrument.Find(r.QuestionKey)))
            .Where(r => r.Placed?.Group is not null)
            .GroupBy(r => r.Placed!.Group!.Key);
        foreach (var group in inRows)
        {
            answers[group.Key] = new AnswerValue(Rows:
            [
                .. group.GroupBy(r => (r.Row.RowOrdinal, r.Row.RowKey)).OrderBy(r => r.Key.RowOrdinal)
                    .Select(row => new AnswerRow(row.Key.RowKey, row.OrderBy(r => r.Row.QuestionKey, StringComparer.Ordinal)
                        .ToDictionary(r => r.Row.QuestionKey, r => r.Row.Value(r.Placed!.Question.Kind)))),
            ]);
        }
        return answers;
    }
}
