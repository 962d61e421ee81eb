using System.Text.Json;

namespace Cro.Evaluation.Features.Surveys;

/// <summary>
/// The groups results are shown by — a module, a cohort, a trainer (the modules of the cohorts they trained), an advisor, a
/// conference — and the aggregation of one group's answers: for a scale question the mean and the distribution, for a choice
/// the counts, open answers (sorted, so their order tells nothing of who came when). Below survey_settings.min_group_size
/// answers a group has no figures at all: only that there are too few.
/// </summary>
public static class SurveyGroups
{
    public const string Module = "module";
    public const string Cohort = "cohort";
    public const string Trainer = "trainer";
    public const string Advisor = "advisor";
    public const string Conference = "conference";

    public static readonly IReadOnlyList<string> All = [Module, Cohort, Trainer, Advisor, Conference];

    public static string Label(string by) => by switch
    {
        Module => Text.Pick("moduł", "module"),
        Cohort => Text.Pick("grupa szkoleniowa", "cohort"),
        Trainer => Text.Pick("trener", "trainer"),
        Advisor => Text.Pick("doradca", "advisor"),
        _ => Text.Pick("konferencja", "conference"),
    };

    public static IResult UnknownKind() => Problems.Field("by", "Wyniki można pokazać według: module, cohort, trainer, advisor, conference.",
        "Results are shown by: module, cohort, trainer, advisor, conference.");

    /// <summary>Every group of a kind that has answers: its key, its name and the number of answers.</summary>
    public static string ListSql(string by) => by switch
    {
        Module => """
            SELECT a.module_code AS key, a.module_code || coalesce(': ' || max(m.title), '') AS label, count(*)::int AS answers
            FROM survey_answers a LEFT JOIN survey_modules m ON m.code = a.module_code
            WHERE a.module_code IS NOT NULL GROUP BY a.module_code ORDER BY a.module_code
            """,
        Cohort => """
            SELECT a.cohort_id::text AS key, coalesce(max(c.name), a.cohort_id::text) AS label, count(*)::int AS answers
            FROM survey_answers a LEFT JOIN survey_cohorts c ON c.id = a.cohort_id
            WHERE a.cohort_id IS NOT NULL GROUP BY a.cohort_id ORDER BY 2, 1
            """,
        Trainer => """
            SELECT t.id::text AS key, t.full_name AS label, count(*)::int AS answers
            FROM survey_answers a
            JOIN survey_cohort_trainers ct ON ct.cohort_id = a.cohort_id AND ct.module_code = a.module_code
            JOIN survey_trainers t ON t.id = ct.trainer_id
            GROUP BY t.id, t.full_name ORDER BY 2, 1
            """,
        Advisor => """
            SELECT a.advisor_id::text AS key, coalesce(max(d.full_name), a.advisor_id::text) AS label, count(*)::int AS answers
            FROM survey_answers a LEFT JOIN survey_advisors d ON d.id = a.advisor_id
            WHERE a.advisor_id IS NOT NULL GROUP BY a.advisor_id ORDER BY 2, 1
            """,
        _ => """
            SELECT a.conference_id::text AS key, coalesce(max(c.title), a.conference_id::text) AS label, count(*)::int AS answers
            FROM survey_answers a LEFT JOIN survey_conferences c ON c.id = a.conference_id
            WHERE a.conference_id IS NOT NULL GROUP BY a.conference_id ORDER BY 2, 1
            """,
    };

    /// <summary>The condition on survey_answers a (with @key) selecting one group's answers; null for a key that cannot name one.</summary>
    public static string? Where(string by, string key) => by switch
    {
        Module => "a.module_code = @key",
        _ when !Guid.TryParse(key, out _) => null,
        Cohort => "a.cohort_id = @key::uuid",
        Trainer => """
            EXISTS (SELECT 1 FROM survey_cohort_trainers ct WHERE ct.trainer_id = @key::uuid AND ct.cohort_id = a.cohort_id AND ct.module_code = a.module_code)
            """,
        Advisor => "a.advisor_id = @key::uuid",
        _ => "a.conference_id = @key::uuid",
    };

    /// <summary>A group's name, or null when nothing is known of it.</summary>
    public static Task<string?> LabelAsync(DataSession session, string by, string key) => session.ExecuteScalarAsync<string?>(by switch
    {
        Module => "SELECT @key || coalesce(': ' || (SELECT title FROM survey_modules WHERE code = @key), '') WHERE EXISTS (SELECT 1 FROM survey_modules WHERE code = @key) OR EXISTS (SELECT 1 FROM survey_answers WHERE module_code = @key)",
        Cohort => "SELECT name FROM survey_cohorts WHERE id = @key::uuid",
        Trainer => "SELECT full_name FROM survey_trainers WHERE id = @key::uuid",
        Advisor => "SELECT full_name FROM survey_advisors WHERE id = @key::uuid",
        _ => "SELECT title FROM survey_conferences WHERE id = @key::uuid",
    }, new { key });

    /// <summary>The results of the answers <paramref name="where"/> selects (figures only from the threshold up).</summary>
    public static async Task<(int Answers, IReadOnlyList<QuestionResult> Questions)> AggregateAsync(DataSession session, string where, object parameters,
        int threshold)
    {
        var rows = (await session.QueryAsync<(string Code, string Answers)>(
            $"SELECT a.template_code, a.answers::text FROM survey_answers a WHERE {where}", parameters)).ToList();
        if (rows.Count < threshold || rows.Count == 0)
        {
            return (rows.Count, []);
        }
        var codes = rows.Select(r => r.Code).Distinct().ToArray();
        var questions = new List<Question>();
        foreach (var template in await session.QueryAsync<TemplateRow>(TemplateRow.Select + " WHERE code = ANY (@codes) ORDER BY code, version DESC", new { codes }))
        {
            questions.AddRange(template.QuestionList.Where(q => questions.All(known => known.Id != q.Id)));
        }
        var answers = rows.Select(r => JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(r.Answers)!).ToList();
        return (rows.Count, [.. questions.Select(q => Result(q, answers))]);
    }

    private static QuestionResult Result(Question question, List<Dictionary<string, JsonElement>> answers)
    {
        var given = answers.Where(a => a.ContainsKey(question.Id)).Select(a => a[question.Id]).ToList();
        switch (question.Kind)
        {
            case QuestionKinds.Scale:
                var values = given.Where(v => v.ValueKind == JsonValueKind.Number).Select(v => v.GetInt32()).ToList();
                return new QuestionResult(question.Id, question.Text, question.Kind, values.Count,
                    values.Count > 0 ? Math.Round((decimal)values.Average(), 2) : null,
                    [.. Enumerable.Range(1, 5).Select(n => values.Count(v => v == n))], null, null);
            case QuestionKinds.Choice:
                var chosen = given.Select(v => v.GetString()).ToList();
                return new QuestionResult(question.Id, question.Text, question.Kind, chosen.Count, null, null,
                    [.. (question.Options ?? []).Select(o => new OptionCount(o.Id, o.Text, chosen.Count(c => c == o.Id)))], null);
            default:
                var texts = given.Select(v => v.GetString() ?? "").Where(t => t.Length > 0).Order(StringComparer.Ordinal).ToList();
                return new QuestionResult(question.Id, question.Text, question.Kind, texts.Count, null, null, null, texts);
        }
    }
}

[OpenApiSchemaName("SurveyOptionCount")]
public sealed record OptionCount(string Id, string Text, int Count);

/// <param name="Answered">How many of the group's answers answer this question.</param>
/// <param name="Mean">A scale's mean (1–5), two decimals.</param>
/// <param name="Distribution">A scale's counts of 1, 2, 3, 4 and 5.</param>
/// <param name="Options">A choice's counts per option.</param>
/// <param name="OpenAnswers">A text question's answers, in alphabetical order.</param>
[OpenApiSchemaName("SurveyQuestionResult")]
public sealed record QuestionResult(string Id, string Text, string Kind, int Answered, decimal? Mean, IReadOnlyList<int>? Distribution,
    IReadOnlyList<OptionCount>? Options, IReadOnlyList<string>? OpenAnswers);

/// <param name="Enough">Whether the group has at least <paramref name="Threshold"/> answers; without, it has no figures.</param>
[OpenApiSchemaName("SurveyGroupResult")]
public sealed record GroupResult(string By, string Key, string Label, int Answers, int Threshold, bool Enough, IReadOnlyList<QuestionResult> Questions);

[OpenApiSchemaName("SurveyGroupSummary")]
public sealed record GroupSummary(string Key, string Label, int Answers, bool Enough);

/// <param name="Threshold">The least number of answers a group shows figures from.</param>
[OpenApiSchemaName("SurveyGroupList")]
public sealed record GroupList(string By, int Threshold, IReadOnlyList<GroupSummary> Groups);
