using System.Text.RegularExpressions;

namespace Cro.Monitoring.Features.Diagnosis;

/// <summary>
/// Field errors keyed by question key (a row's question as <c>group[row].question</c>), each message naming the question
/// in the reader's language; answered as a 400 ValidationProblem.
/// </summary>
public sealed class AnswerErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public IReadOnlyDictionary<string, string[]> ByKey => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    public void Add(string key, string messagePl, string messageEn)
    {
        if (!_errors.TryGetValue(key, out var messages))
        {
            _errors[key] = messages = [];
        }
        messages.Add(Text.Pick(messagePl, messageEn));
    }

    public IResult ToProblem() => ProblemDetailsDefaults.ValidationProblem(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
}

/// <summary>What the instrument asks of answers: their shape and range when saved, completeness and consistency when submitted.</summary>
public static partial class AnswerCheck
{
    [GeneratedRegex("^[A-Za-z0-9_-]{1,40}$")]
    private static partial Regex RowKeyPattern();

    /// <summary>Checks <paramref name="value"/> as an answer to <paramref name="key"/> in a questionnaire of <paramref name="respondents"/>.</summary>
    public static void Saving(Instrument instrument, IReadOnlyList<string> respondents, string key, AnswerValue? value, AnswerErrors errors)
    {
        if (instrument.Find(key) is not { Group: null } placed || !respondents.Contains(placed.Section.Respondent))
        {
            errors.Add(key, $"Nie ma pytania „{key}” w tym kwestionariuszu.", $"There is no question '{key}' in this questionnaire.");
            return;
        }
        if (value is null || value.IsEmpty)
        {
            return;
        }
        if (placed.Question.Kind == QuestionKind.RepeatGroup)
        {
            Rows(instrument, placed.Question, value, errors);
        }
        else
        {
            Value(placed, key, value, errors);
        }
    }

    private static void Rows(Instrument instrument, QuestionDefinition group, AnswerValue value, AnswerErrors errors)
    {
        var name = $"„{group.Text}”";
        if (value.Rows is not { } rows || Others(value, nameof(AnswerValue.Rows)))
        {
            errors.Add(group.Key, $"{name}: podaj wiersze (rows).", $"{name}: give the rows.");
            return;
        }
        if (rows.Count > group.RowLimit)
        {
            errors.Add(group.Key, $"{name}: najwyżej {group.RowLimit} wierszy.", $"{name}: at most {group.RowLimit} rows.");
        }
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            if (row?.Key is not { } rowKey || !RowKeyPattern().IsMatch(rowKey) || !keys.Add(rowKey))
            {
                errors.Add($"{group.Key}[{r}]", $"{name}: wiersz {r + 1} potrzebuje klucza (litery, cyfry, - i _, do 40 znaków) innego niż pozostałe.",
                    $"{name}: row {r + 1} needs a key (letters, digits, - and _, up to 40 characters) unlike the others.");
                continue;
            }
            if (row.Answers is null || row.Answers.Values.All(a => a is null || a.IsEmpty))
            {
                errors.Add($"{group.Key}[{rowKey}]", $"{name}: wiersz {r + 1} jest pusty.", $"{name}: row {r + 1} is empty.");
                continue;
            }
            foreach (var (childKey, answer) in row.Answers)
            {
                var at = $"{group.Key}[{rowKey}].{childKey}";
                if (instrument.Find(childKey) is not { } child || child.Group?.Key != group.Key)
                {
                    errors.Add(at, $"{name}: wiersz nie ma pytania „{childKey}”.", $"{name}: a row has no question '{childKey}'.");
                }
                else if (answer is { IsEmpty: false })
                {
                    Value(child, at, answer, errors);
                }
            }
        }
    }

    private static void Value(PlacedQuestion placed, string at, AnswerValue value, AnswerErrors errors)
    {
        var (question, name) = (placed.Question, placed.Name);
        switch (question.Kind)
        {
            case QuestionKind.Number:
                if (Others(value, nameof(AnswerValue.Number), nameof(AnswerValue.DontKnow)) || (value.Number is not null && value.DontKnow))
                {
                    errors.Add(at, $"{name}: podaj liczbę.", $"{name}: give a number.");
                }
                else if (value.DontKnow && !question.DontKnowAllowed)
                {
                    errors.Add(at, $"{name}: to pytanie wymaga liczby, nie „nie wiem”.", $"{name}: this question needs a number, not \"don't know\".");
                }
                else if (value.Number is { } number && (number < question.Min || number > question.Max || decimal.Round(number, question.Decimals ?? 0) != number))
                {
                    var whole = (question.Decimals ?? 0) == 0;
                    var range = Range(question);
                    errors.Add(at, $"{name}: podaj liczbę {(whole ? "całkowitą" : $"z najwyżej {question.Decimals} miejscami po przecinku")}{range.Pl}.",
                        $"{name}: give a {(whole ? "whole number" : $"number with at most {question.Decimals} decimal places")}{range.En}.");
                }
                break;
            case QuestionKind.SingleChoice:
                if (Others(value, nameof(AnswerValue.Choice)) || question.Choices.All(o => o.Key != value.Choice))
                {
                    errors.Add(at, $"{name}: wybierz jedną z opcji: {Keys(question)}.", $"{name}: choose one of the options: {Keys(question)}.");
                }
                break;
            case QuestionKind.MultipleChoice:
                if (Others(value, nameof(AnswerValue.Choices)) || value.Choices!.Any(c => question.Choices.All(o => o.Key != c))
                    || value.Choices!.Distinct().Count() != value.Choices!.Count)
                {
                    errors.Add(at, $"{name}: wybierz opcje spośród: {Keys(question)} (każdą raz).", $"{name}: choose options from: {Keys(question)} (each once).");
                }
                else if (value.Choices!.Count > 1 && question.Choices.FirstOrDefault(o => o.Exclusive && value.Choices!.Contains(o.Key)) is { } alone)
                {
                    errors.Add(at, $"{name}: opcji „{alone.Label}” nie łączy się z innymi.", $"{name}: the option '{alone.Label}' is not combined with others.");
                }
                break;
            case QuestionKind.Scale:
                if (Others(value, nameof(AnswerValue.Scale), nameof(AnswerValue.DontKnow)) || value.Scale is not null == value.DontKnow
                    || value.Scale is < 1 or > 5)
                {
                    errors.Add(at, $"{name}: zaznacz wartość od 1 do 5 albo „nie wiem”.", $"{name}: mark a value from 1 to 5, or \"don't know\".");
                }
                break;
            default:
                if (Others(value, nameof(AnswerValue.Text)) || value.Text!.Trim().Length > question.TextLimit)
                {
                    errors.Add(at, $"{name}: wpisz tekst do {question.TextLimit} znaków.", $"{name}: write a text of up to {question.TextLimit} characters.");
                }
                break;
        }
    }

    /// <summary>Whether <paramref name="value"/> holds anything but <paramref name="allowed"/> (a number sent to a text question …).</summary>
    private static bool Others(AnswerValue value, params string[] allowed)
    {
        bool Has(string field) => field switch
        {
            nameof(AnswerValue.Number) => value.Number is not null,
            nameof(AnswerValue.Choice) => value.Choice is not null,
            nameof(AnswerValue.Choices) => value.Choices is { Count: > 0 },
            nameof(AnswerValue.Scale) => value.Scale is not null,
            nameof(AnswerValue.DontKnow) => value.DontKnow,
            nameof(AnswerValue.Text) => !string.IsNullOrWhiteSpace(value.Text),
            _ => value.Rows is { Count: > 0 },
        };
        string[] fields = [nameof(AnswerValue.Number), nameof(AnswerValue.Choice), nameof(AnswerValue.Choices), nameof(AnswerValue.Scale),
            nameof(AnswerValue.DontKnow), nameof(AnswerValue.Text), nameof(AnswerValue.Rows)];
        return fields.Except(allowed).Any(Has) || !allowed.Any(Has);
    }

    private static (string Pl, string En) Range(QuestionDefinition question)
    {
        var unit = question.Unit is null ? "" : " " + question.Unit;
        return (question.Min, question.Max) switch
        {
            ({ } min, { } max) => ($" od {min:0.####} do {max:0.####}{unit}", $" from {min:0.####} to {max:0.####}{unit}"),
            ({ } min, null) => ($" nie mniejszą niż {min:0.####}{unit}", $" of at least {min:0.####}{unit}"),
            (null, { } max) => ($" nie większą niż {max:0.####}{unit}", $" of at most {max:0.####}{unit}"),
            _ => ("", ""),
        };
    }

    private static string Keys(QuestionDefinition question) => string.Join(", ", question.Choices.Select(o => o.Key));

    /// <summary>Whether <paramref name="question"/> is asked, given the answers so far (its condition, if any, holds).</summary>
    public static bool IsAsked(QuestionDefinition question, IReadOnlyDictionary<string, AnswerValue> answers) =>
        question.ShownIf is not { } condition
        || (answers.GetValueOrDefault(condition.Question)?.Chosen.Any(condition.Options.Contains) ?? false);

    /// <summary>Required questions asked in the sections of <paramref name="respondents"/>, and how many of them are answered.</summary>
    public static QuestionnaireProgress Progress(Instrument instrument, IReadOnlyList<string> respondents, IReadOnlyDictionary<string, AnswerValue> answers)
    {
        var required = Asked(instrument, respondents, answers).Where(q => q.Required).ToList();
        var answered = required.Count(q => answers.GetValueOrDefault(q.Key) is { IsEmpty: false });
        return QuestionnaireProgress.Of(required.Count, answered);
    }

    private static IEnumerable<QuestionDefinition> Asked(Instrument instrument, IReadOnlyList<string> respondents, IReadOnlyDictionary<string, AnswerValue> answers) =>
        instrument.SectionsOf(respondents).SelectMany(s => s.Questions).Where(q => IsAsked(q, answers));

    /// <summary>The answers kept although their question is not asked (its condition no longer holds): cleared at submission.</summary>
    public static IReadOnlyList<string> NotAsked(Instrument instrument, IReadOnlyList<string> respondents, IReadOnlyDictionary<string, AnswerValue> answers) =>
        [.. instrument.SectionsOf(respondents).SelectMany(s => s.Questions).Where(q => answers.ContainsKey(q.Key) && !IsAsked(q, answers)).Select(q => q.Key)];

    /// <summary>
    /// What stops a submission: required questions (of the section level and of each row) left unanswered, and consistency
    /// rules broken, each named by both its questions and under both their keys.
    /// </summary>
    public static void Submitting(Instrument instrument, IReadOnlyList<string> respondents, IReadOnlyDictionary<string, AnswerValue> answers, AnswerErrors errors)
    {
        foreach (var question in Asked(instrument, respondents, answers))
        {
            var answer = answers.GetValueOrDefault(question.Key);
            var name = $"„{question.Text}”";
            if (question.Required && answer is null or { IsEmpty: true })
            {
                errors.Add(question.Key, $"{name}: odpowiedź jest wymagana.", $"{name}: an answer is required.");
            }
            foreach (var row in question.Kind == QuestionKind.RepeatGroup ? answer?.Rows ?? [] : [])
            {
                foreach (var child in question.RowQuestions.Where(c => c.Required && row.Answers.GetValueOrDefault(c.Key) is null or { IsEmpty: true }))
                {
                    errors.Add($"{question.Key}[{row.Key}].{child.Key}", $"„{child.Text}” ({name}): odpowiedź jest wymagana w każdym wierszu.",
                        $"„{child.Text}” ({name}): an answer is required in every row.");
                }
            }
        }
        foreach (var rule in instrument.RulesOf(respondents))
        {
            var (left, right) = (instrument.Find(rule.Left)!, instrument.Find(rule.Right)!);
            if (left.Group is null)
            {
                if (IsAsked(left.Question, answers) && IsAsked(right.Question, answers))
                {
                    Compare(rule, left, right, answers.GetValueOrDefault(rule.Left), answers.GetValueOrDefault(rule.Right), rowKey: null, errors);
                }
                continue;
            }
            if (!IsAsked(left.Group, answers))
            {
                continue;
            }
            foreach (var row in answers.GetValueOrDefault(left.Group.Key)?.Rows ?? [])
            {
                Compare(rule, left, right, row.Answers.GetValueOrDefault(rule.Left), row.Answers.GetValueOrDefault(rule.Right), row.Key, errors);
            }
        }
    }

    private static void Compare(RuleDefinition rule, PlacedQuestion left, PlacedQuestion right, AnswerValue? leftAnswer, AnswerValue? rightAnswer,
        string? rowKey, AnswerErrors errors)
    {
        if (leftAnswer?.Number is not { } l || rightAnswer?.Number is not { } r || Comparison.Holds(rule.Comparison, l, r))
        {
            return;
        }
        var (words, prefix) = (Comparison.Words(rule.Comparison), rowKey is null ? "" : $"{left.Group!.Key}[{rowKey}].");
        var (rowPl, rowEn) = rowKey is null ? ("", "") : ($" (wiersz {rowKey})", $" (row {rowKey})");
        var why = rule.Message is null ? "" : " " + rule.Message;
        var pl = $"Odpowiedź na {left.Name} ({l:0.####}) {words.Pl} odpowiedź na {right.Name} ({r:0.####}){rowPl}.{why}";
        var en = $"The answer to {left.Name} ({l:0.####}) {words.En} the answer to {right.Name} ({r:0.####}){rowEn}.{why}";
        errors.Add(prefix + rule.Left, pl, en);
        errors.Add(prefix + rule.Right, pl, en);
    }
}

/// <summary>Required questions asked (whose conditions hold), how many of them are answered, and that as a percentage (rounded down).</summary>
[OpenApiSchemaName("DiagnosisQuestionnaireProgress")]
public sealed record QuestionnaireProgress(int RequiredQuestions, int AnsweredRequired, int Percent)
{
    public static QuestionnaireProgress Of(int required, int answered) => new(required, answered, required == 0 ? 100 : answered * 100 / required);
}
