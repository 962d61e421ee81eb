using System.Text.RegularExpressions;

namespace Cro.Monitoring.Features.Diagnosis;

/// <summary>
/// What makes an instrument answerable: keys that are unique and stable (snake_case, as exports name columns), every
/// question complete for its kind, conditions on earlier choice questions of the same questionnaire, and rules between
/// two number questions of the same level. Errors are keyed by where they are (<c>sections[1].questions[4].options</c>).
/// </summary>
public sealed partial class InstrumentDefinitionValidator : AbstractValidator<InstrumentDefinition>
{
    [GeneratedRegex("^[a-z][a-z0-9_]{0,59}$")]
    private static partial Regex KeyPattern();

    public InstrumentDefinitionValidator()
    {
        RuleFor(i => i.Title).RequiredText(300)
            .WithMessage(_ => Text.Pick("Podaj tytuł narzędzia (do 300 znaków).", "Give the instrument a title (up to 300 characters)."));
        RuleFor(i => i).Custom((instrument, context) =>
        {
            foreach (var (property, pl, en) in Problems(instrument))
            {
                context.AddFailure(property, Text.Pick(pl, en));
            }
        });
    }

    private static IEnumerable<(string Property, string Pl, string En)> Problems(InstrumentDefinition instrument)
    {
        if (instrument.Sections is not { Count: > 0 and <= 100 } sections || sections.Any(s => s is null))
        {
            yield return ("sections", "Narzędzie ma od 1 do 100 sekcji.", "The instrument has from 1 to 100 sections.");
            yield break;
        }
        var sectionKeys = new HashSet<string>(StringComparer.Ordinal);
        // Every question seen so far, by key: a condition names an earlier one, a rule any one.
        var seen = new Dictionary<string, (QuestionDefinition Question, SectionDefinition Section, QuestionDefinition? Group)>(StringComparer.Ordinal);
        for (var s = 0; s < sections.Count; s++)
        {
            var section = sections[s];
            var at = $"sections[{s}]";
            if (!IsKey(section.Key) || !sectionKeys.Add(section.Key))
            {
                yield return ($"{at}.key", "Klucz sekcji: małe litery, cyfry i _, od litery, do 60 znaków, bez powtórzeń.",
                    "A section key: lower-case letters, digits and _, starting with a letter, up to 60 characters, not repeated.");
            }
            if (!Respondent.All.Contains(section.Respondent))
            {
                yield return ($"{at}.respondent", $"Respondent sekcji spośród: {string.Join(", ", Respondent.All)}.",
                    $"The section's respondent is one of: {string.Join(", ", Respondent.All)}.");
            }
            if (string.IsNullOrWhiteSpace(section.Title) || section.Title.Length > 300 || section.Description?.Length > 4000)
            {
                yield return ($"{at}.title", "Sekcja ma tytuł (do 300 znaków) i opis do 4000 znaków.",
                    "A section has a title (up to 300 characters) and a description of up to 4000.");
            }
            if (section.Questions is not { Count: > 0 and <= 200 } questions || questions.Any(q => q is null))
            {
                yield return ($"{at}.questions", "Sekcja ma od 1 do 200 pytań.", "A section has from 1 to 200 questions.");
                continue;
            }
            for (var q = 0; q < questions.Count; q++)
            {
                var question = questions[q];
                foreach (var problem in QuestionProblems(question, $"{at}.questions[{q}]", group: null, section, seen))
                {
                    yield return problem;
                }
                seen.TryAdd(question.Key, (question, section, null));
                for (var c = 0; c < question.RowQuestions.Count; c++)
                {
                    var child = question.RowQuestions[c];
                    foreach (var problem in QuestionProblems(child, $"{at}.questions[{q}].questions[{c}]", question, section, seen))
                    {
                        yield return problem;
                    }
                    seen.TryAdd(child.Key, (child, section, question));
                }
            }
        }
        foreach (var problem in RuleProblems(instrument.Rules, seen))
        {
            yield return problem;
        }
    }

    private static IEnumerable<(string, string, string)> QuestionProblems(QuestionDefinition question, string at, QuestionDefinition? group,
        SectionDefinition section, Dictionary<string, (QuestionDefinition Question, SectionDefinition Section, QuestionDefinition? Group)> seen)
    {
        if (!IsKey(question.Key) || seen.ContainsKey(question.Key))
        {
            yield return ($"{at}.key", "Klucz pytania: małe litery, cyfry i _, od litery, do 60 znaków, jedyny w całym narzędziu.",
                "A question key: lower-case letters, digits and _, starting with a letter, up to 60 characters, unique in the whole instrument.");
        }
        if (string.IsNullOrWhiteSpace(question.Text) || question.Text.Length > 1000 || question.Help?.Length > 4000 || question.Unit?.Length > 30)
        {
            yield return ($"{at}.text", "Pytanie ma treść (do 1000 znaków), pomoc do 4000 znaków i jednostkę do 30 znaków.",
                "A question has a text (up to 1000 characters), help of up to 4000 and a unit of up to 30.");
        }
        if (!QuestionKind.All.Contains(question.Kind) || (group is not null && question.Kind == QuestionKind.RepeatGroup))
        {
            yield return ($"{at}.kind", $"Rodzaj pytania spośród: {string.Join(", ", QuestionKind.All)} (grupa nie zawiera grupy).",
                $"The kind of question is one of: {string.Join(", ", QuestionKind.All)} (a group holds no group).");
            yield break;
        }
        var choice = QuestionKind.IsChoice(question.Kind);
        if (choice != question.Options is not null
            || (choice && (question.Choices.Count is < 2 or > 50 || question.Choices.Any(o => o is null || !IsKey(o.Key) || string.IsNullOrWhiteSpace(o.Label) || o.Label.Length > 500)
                || question.Choices.DistinctBy(o => o.Key).Count() != question.Choices.Count
                || (question.Kind == QuestionKind.SingleChoice && question.Choices.Any(o => o.Exclusive)))))
        {
            yield return ($"{at}.options", "Pytanie wyboru ma od 2 do 50 opcji z kluczami bez powtórzeń i etykietami (do 500 znaków); inne pytania nie mają opcji; wyłączna bywa tylko opcja wielokrotnego wyboru.",
                "A choice question has 2 to 50 options with unique keys and labels (up to 500 characters); other questions have none; only a multiple choice option may be exclusive.");
        }
        if (question.Kind == QuestionKind.Number
            ? question.Min > question.Max || question.Decimals is < 0 or > 4
            : question.Min is not null || question.Max is not null || question.Decimals is not null || question.DontKnowAllowed || question.Unit is not null)
        {
            yield return ($"{at}.min", "Tylko liczba ma zakres (min ≤ max), jednostkę, liczbę miejsc po przecinku (0–4) i odpowiedź „nie wiem” (skala ma ją zawsze).",
                "Only a number has a range (min ≤ max), a unit, decimals (0–4) and a \"don't know\" answer (a scale always has it).");
        }
        if (question.Kind == QuestionKind.Scale ? question.ScaleLabels is not null && (question.ScaleLabels.Count != 5 || question.ScaleLabels.Any(string.IsNullOrWhiteSpace))
            : question.ScaleLabels is not null)
        {
            yield return ($"{at}.scaleLabels", "Skala 1–5 ma pięć etykiet albo żadnej; inne pytania nie mają etykiet skali.",
                "A 1–5 scale has five labels or none; other questions have no scale labels.");
        }
        if (question.Kind == QuestionKind.Text ? question.MaxLength is < 1 or > 10000 : question.MaxLength is not null)
        {
            yield return ($"{at}.maxLength", "Tylko tekst ma najwyższą liczbę znaków, od 1 do 10000.", "Only a text has a maximum length, from 1 to 10000.");
        }
        var isGroup = question.Kind == QuestionKind.RepeatGroup;
        if (isGroup ? question.RowQuestions.Count is < 1 or > 30 || question.RowQuestions.Any(c => c is null) || question.MaxRows is < 1 or > 500
            : question.Questions is not null || question.MaxRows is not null)
        {
            yield return ($"{at}.questions", "Grupa powtarzalna ma od 1 do 30 pytań wiersza i do 500 wierszy; inne pytania nie mają pytań ani wierszy.",
                "A repeat group has 1 to 30 row questions and up to 500 rows; other questions have neither.");
        }
        if (question.ShownIf is { } condition
            && (group is not null || !seen.TryGetValue(condition.Question ?? "", out var on) || on.Group is not null
                || !QuestionKind.IsChoice(on.Question.Kind) || Respondent.OfSchool.Contains(on.Section.Respondent) != Respondent.OfSchool.Contains(section.Respondent)
                || condition.Options is not { Count: > 0 } || condition.Options.Any(o => on.Question.Choices.All(c => c.Key != o))))
        {
            yield return ($"{at}.shownIf", "Warunek wskazuje wcześniejsze pytanie wyboru tego samego kwestionariusza (nie w grupie) i jego opcje.",
                "A condition names an earlier choice question of the same questionnaire (not in a group) and options of it.");
        }
    }

    private static IEnumerable<(string, string, string)> RuleProblems(IReadOnlyList<RuleDefinition>? rules,
        Dictionary<string, (QuestionDefinition Question, SectionDefinition Section, QuestionDefinition? Group)> questions)
    {
        if (rules is null || rules.Count > 200 || rules.Any(r => r is null))
        {
            yield return ("rules", "Narzędzie ma do 200 reguł spójności (może nie mieć żadnej: [])", "The instrument has up to 200 consistency rules (or none: []).");
            yield break;
        }
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var r = 0; r < rules.Count; r++)
        {
            var rule = rules[r];
            if (!IsKey(rule.Key) || !keys.Add(rule.Key) || rule.Message?.Length > 500 || !Comparison.All.Contains(rule.Comparison))
            {
                yield return ($"rules[{r}]", $"Reguła ma klucz bez powtórzeń, porównanie spośród {string.Join(", ", Comparison.All)} i wyjaśnienie do 500 znaków.",
                    $"A rule has a unique key, a comparison from {string.Join(", ", Comparison.All)} and an explanation of up to 500 characters.");
            }
            if (!questions.TryGetValue(rule.Left ?? "", out var left) || !questions.TryGetValue(rule.Right ?? "", out var right)
                || rule.Left == rule.Right || left.Question.Kind != QuestionKind.Number || right.Question.Kind != QuestionKind.Number
                || left.Group?.Key != right.Group?.Key
                || Respondent.OfSchool.Contains(left.Section.Respondent) != Respondent.OfSchool.Contains(right.Section.Respondent))
            {
                yield return ($"rules[{r}].left", "Reguła porównuje dwa różne pytania liczbowe tego samego kwestionariusza: oba poza grupą albo oba z wierszy jednej grupy.",
                    "A rule compares two different number questions of one questionnaire: both outside groups, or both of one group's rows.");
            }
        }
    }

    private static bool IsKey(string? key) => key is not null && KeyPattern().IsMatch(key);
}
