namespace Cro.Monitoring.Features.Diagnosis.Picture;

/// <summary>One questionnaire's answers as figures read them: section-level answers by key, a repeat group's rows.</summary>
public sealed class QuestionnaireAnswers
{
    private readonly Dictionary<string, StoredAnswer> _answers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, StoredAnswer>> _rows = new(StringComparer.Ordinal);

    public void Add(StoredAnswer answer)
    {
        if (answer.RowKey.Length == 0)
        {
            _answers[answer.QuestionKey] = answer;
            return;
        }
        if (!_rows.TryGetValue(answer.RowKey, out var row))
        {
            _rows[answer.RowKey] = row = new(StringComparer.Ordinal);
        }
        row[answer.QuestionKey] = answer;
    }

    /// <summary>A number given (not "nie wiem", not left out).</summary>
    public decimal? Number(string key) => _answers.GetValueOrDefault(key) is { DontKnow: false, NumberValue: { } n } ? n : null;

    public string? Choice(string key) => _answers.GetValueOrDefault(key)?.ChoiceKeys?.FirstOrDefault();

    public StoredAnswer? Answer(string key) => _answers.GetValueOrDefault(key);

    /// <summary>Every row of every repeat group: a row's answers by its questions' keys.</summary>
    public IEnumerable<IReadOnlyDictionary<string, StoredAnswer>> Rows => _rows.Values;
}

/// <summary>
/// The answers of one diagnosis that figures are computed from: its submitted school questionnaires, and the team's own
/// when it was submitted.
/// </summary>
public sealed class JstAnswers
{
    public List<QuestionnaireAnswers> Schools { get; } = [];

    public QuestionnaireAnswers? Team { get; set; }

    /// <summary>The sum of a number question over the schools that gave a number (null where none did).</summary>
    public decimal? Sum(string key, Func<QuestionnaireAnswers, bool>? where = null)
    {
        var numbers = Schools.Where(s => where?.Invoke(s) ?? true).Select(s => s.Number(key)).OfType<decimal>().ToList();
        return numbers.Count == 0 ? null : numbers.Sum();
    }

    /// <summary>How many schools gave a number (or a "nie wiem") to a question.</summary>
    public int Answered(string key) => Schools.Count(s => s.Answer(key) is not null);

    /// <summary>The sum of a row question over the rows (of every school) whose choice <paramref name="choiceKey"/> is one of <paramref name="options"/>.</summary>
    public decimal? RowSum(string key, string choiceKey, IReadOnlyList<string> options)
    {
        var numbers = Schools.SelectMany(s => s.Rows)
            .Where(r => r.GetValueOrDefault(choiceKey)?.ChoiceKeys?.FirstOrDefault() is { } chosen && options.Contains(chosen))
            .Select(r => r.GetValueOrDefault(key)?.NumberValue).OfType<decimal>().ToList();
        return numbers.Count == 0 ? null : numbers.Sum();
    }

    /// <summary>A count of pupils as a share (per cent) of the pupils of the schools that gave it.</summary>
    public decimal? ShareOfPupils(string key) =>
        Figures.Percent(Sum(key), Sum("pupils", where: s => s.Number(key) is not null));

    /// <summary>The answers to 1–5 scales pooled: how many of each value, "nie wiem" apart, and the mean of the values.</summary>
    public ScaleDistribution Distribution(IReadOnlyList<string> keys)
    {
        var counts = new int[5];
        var dontKnow = 0;
        foreach (var answer in Schools.SelectMany(s => keys.Select(s.Answer)).OfType<StoredAnswer>())
        {
            if (answer.DontKnow)
            {
                dontKnow++;
            }
            else if (answer.ScaleValue is >= 1 and <= 5 and var v)
            {
                counts[v - 1]++;
            }
        }
        var total = counts.Sum();
        decimal? mean = total == 0 ? null : Math.Round(counts.Select((c, i) => (decimal)c * (i + 1)).Sum() / total, 2, MidpointRounding.AwayFromZero);
        return new ScaleDistribution(counts, dontKnow, mean);
    }
}

/// <summary>How many answers gave 1, 2, 3, 4 and 5 (<see cref="Counts"/>, in that order), how many "nie wiem", and the mean.</summary>
[OpenApiSchemaName("DiagnosisScaleDistribution")]
public sealed record ScaleDistribution(IReadOnlyList<int> Counts, int DontKnow, decimal? Mean);

/// <summary>Reads the answers figures need, of many diagnoses at once.</summary>
public static class AnswersLoader
{
    // Dapper reads text[] as System.Array, which no constructor parameter matches: it sets these properties instead.
    private sealed class Row
    {
        public Guid DiagnosisId { get; set; }
        public Guid QuestionnaireId { get; set; }
        public bool OfTeam { get; set; }
        public string QuestionKey { get; set; } = "";
        public string RowKey { get; set; } = "";
        public decimal? NumberValue { get; set; }
        public string[]? ChoiceKeys { get; set; }
        public int? ScaleValue { get; set; }
        public bool DontKnow { get; set; }
    }

    /// <summary>The answers of the submitted questionnaires of <paramref name="diagnoses"/> to the figures' questions, by diagnosis.</summary>
    public static async Task<Dictionary<Guid, JstAnswers>> LoadAsync(DataSession session, IReadOnlyCollection<Guid> diagnoses)
    {
        var byDiagnosis = diagnoses.Distinct().ToDictionary(d => d, _ => new JstAnswers());
        var questionnaires = new Dictionary<Guid, QuestionnaireAnswers>();
        var parameters = new { diagnoses = byDiagnosis.Keys.ToArray(), keys = Figures.QuestionKeys.ToArray() };
        foreach (var r in await session.QueryAsync<Row>($"""
            SELECT q.diagnosis_id, q.id AS questionnaire_id, q.school_id IS NULL AS of_team, a.question_key, a.row_key, a.number_value,
                   a.choice_keys, a.scale_value, a.dont_know
            FROM questionnaires q JOIN answers a ON a.questionnaire_id = q.id
            WHERE q.diagnosis_id = ANY (@diagnoses) AND q.status = '{QuestionnaireStatus.Submitted}' AND a.question_key = ANY (@keys)
            """, parameters))
        {
            if (!questionnaires.TryGetValue(r.QuestionnaireId, out var answers))
            {
                questionnaires[r.QuestionnaireId] = answers = new QuestionnaireAnswers();
                var jst = byDiagnosis[r.DiagnosisId];
                if (r.OfTeam)
                {
                    jst.Team = answers;
                }
                else
                {
                    jst.Schools.Add(answers);
                }
            }
            answers.Add(new StoredAnswer(r.QuestionKey, r.RowKey, 0, r.NumberValue, r.ChoiceKeys, r.ScaleValue, null, r.DontKnow));
        }
        // Schools that submitted without answering any figure's question still count as schools.
        foreach (var (diagnosisId, count) in await session.QueryAsync<(Guid, int)>($"""
            SELECT q.diagnosis_id, count(*)::int FROM questionnaires q
            WHERE q.diagnosis_id = ANY (@diagnoses) AND q.status = '{QuestionnaireStatus.Submitted}' AND q.school_id IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM answers a WHERE a.questionnaire_id = q.id AND a.question_key = ANY (@keys))
            GROUP BY q.diagnosis_id
            """, parameters))
        {
            byDiagnosis[diagnosisId].Schools.AddRange(Enumerable.Range(0, count).Select(_ => new QuestionnaireAnswers()));
        }
        return byDiagnosis;
    }
}
