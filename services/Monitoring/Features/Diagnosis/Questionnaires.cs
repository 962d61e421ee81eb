using System.Text.Json;

namespace Cro.Monitoring.Features.Diagnosis;

/// <summary>
/// A questionnaire of a diagnosis, with what its diagnosis says about it (version, kind, whether it still collects, where its
/// review stands: draft, submitted, returned, accepted).
/// </summary>
public sealed record QuestionnaireRow(Guid Id, Guid DiagnosisId, string JstTerc, Guid? SchoolId, string? SchoolName, string Status, int RequiredQuestions,
    int AnsweredRequired, DateTimeOffset? UpdatedAt, DateTimeOffset? SubmittedAt, int InstrumentVersion, string DiagnosisKind, DateTimeOffset? CollectionClosedAt,
    string DiagnosisStatus)
{
    public const string Select = """
        SELECT q.id, q.diagnosis_id, q.jst_terc, q.school_id, q.school_name, q.status, q.required_questions, q.answered_required, q.updated_at,
               q.submitted_at, d.instrument_version, d.kind AS diagnosis_kind, d.collection_closed_at, d.status AS diagnosis_status
        FROM questionnaires q JOIN diagnoses d ON d.id = q.diagnosis_id
        """;

    /// <summary>Whose sections it holds: a school's director and IT administrator, or the JST's team.</summary>
    public IReadOnlyList<string> Respondents => Respondent.Of(SchoolId);

    public QuestionnaireProgress Progress => QuestionnaireProgress.Of(RequiredQuestions, AnsweredRequired);

    public QuestionnaireState State => new(Id, Status, Progress, UpdatedAt, SubmittedAt);
}

public static class QuestionnaireStatus
{
    public const string Open = "open";
    public const string Submitted = "submitted";
}

/// <summary>Who gives answers or submits: a signed-in person of the JST's team, or a school's link.</summary>
public sealed record Answerer(Guid? PersonId, Guid? LinkId);

/// <summary>Where a questionnaire stands after a change: status, progress, last change, submission.</summary>
[OpenApiSchemaName("DiagnosisQuestionnaireState")]
public sealed record QuestionnaireState(Guid Id, string Status, QuestionnaireProgress Progress, DateTimeOffset? UpdatedAt, DateTimeOffset? SubmittedAt);

/// <summary>Answers to save: by question key, each replacing what was there (an empty answer clears it).</summary>
[OpenApiSchemaName("DiagnosisAnswersRequest")]
public sealed record SaveAnswersRequest([property: FieldLabel("Odpowiedzi", "Answers")] IReadOnlyDictionary<string, AnswerValue?> Answers);

/// <summary>
/// Answering a questionnaire, the same whoever answers (the team, or a school's link): answers saved as given, each
/// checked against the pinned instrument version, and a submission that checks completeness and consistency. A refusal
/// writes nothing. Changes to one questionnaire queue up on its row.
/// </summary>
public static class Questionnaires
{
    /// <summary>
    /// The questionnaire <paramref name="id"/>; with <paramref name="forUpdate"/> locked for a change, and its diagnosis held
    /// as it is (FOR KEY SHARE) until the change commits: ending the collection, submitting the diagnosis and its review
    /// (which lock the diagnosis FOR UPDATE) wait for the change, and a change that waited on them reads the diagnosis as
    /// they left it.
    /// </summary>
    public static Task<QuestionnaireRow?> FindAsync(DataSession session, Guid id, bool forUpdate = false) =>
        session.QuerySingleOrDefaultAsync<QuestionnaireRow>(QuestionnaireRow.Select + " WHERE q.id = @id" + (forUpdate ? " FOR UPDATE OF q FOR KEY SHARE OF d" : ""),
            new { id });

    public static async Task<Dictionary<string, AnswerValue>> AnswersAsync(DataSession session, Instrument instrument, Guid questionnaireId) =>
        StoredAnswer.Read(instrument, await session.QueryAsync<StoredAnswer>("""
            SELECT question_key, row_key, row_ordinal, number_value, choice_keys, scale_value, text_value, dont_know
            FROM answers WHERE questionnaire_id = @questionnaireId ORDER BY question_key, row_ordinal
            """, new { questionnaireId }));

    /// <summary>Saves <paramref name="changes"/> into the questionnaire (locked by the caller's FindAsync forUpdate).</summary>
    public static async Task<IResult> SaveAsync(DataSession session, InstrumentStore instruments, QuestionnaireRow questionnaire,
        IReadOnlyDictionary<string, AnswerValue?> changes, Answerer by, DateTimeOffset now)
    {
        if (Closed(questionnaire) is { } closed)
        {
            return closed;
        }
        var instrument = (await instruments.FindAsync(session, questionnaire.InstrumentVersion))!;
        var errors = new AnswerErrors();
        foreach (var (key, value) in changes)
        {
            AnswerCheck.Saving(instrument, questionnaire.Respondents, key, value, errors);
        }
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        var answers = await AnswersAsync(session, instrument, questionnaire.Id);
        // An answer given again as it stands changes nothing, not even who gave it last or when.
        var changed = changes.Select(c => (Question: instrument.Find(c.Key)!.Question, c.Value))
            .Select(c => (c.Question, Stored: c.Value is null or { IsEmpty: true } ? [] : StoredAnswer.Of(c.Question, c.Value).ToList()))
            .Select(c => (c.Question, c.Stored, Value: StoredAnswer.Read(instrument, c.Stored).GetValueOrDefault(c.Question.Key)))
            .Where(c => !Same(c.Value, answers.GetValueOrDefault(c.Question.Key)))
            .ToList();
        if (changed.Count == 0)
        {
            return TypedResults.Ok(questionnaire.State);
        }
        await session.ExecuteAsync("""
            DELETE FROM answers WHERE questionnaire_id = @Id AND question_key = ANY (@keys);
            INSERT INTO answers (questionnaire_id, question_key, row_key, row_ordinal, jst_terc, number_value, choice_keys, scale_value, text_value,
                                 dont_know, answered_at, answered_by, answered_via_link)
            SELECT @Id, question_key, row_key, row_ordinal, @JstTerc, number_value, choice_keys, scale_value, text_value, dont_know, @now, @PersonId, @LinkId
            FROM jsonb_to_recordset(@rows::jsonb) AS a(question_key text, row_key text, row_ordinal int, number_value numeric, choice_keys text[],
                 scale_value int, text_value text, dont_know boolean);
            """, new
        {
            questionnaire.Id, questionnaire.JstTerc, now = now.ToUniversalTime(), by.PersonId, by.LinkId,
            keys = changed.SelectMany(c => StoredKeys(c.Question)).ToArray(), rows = JsonRows.Of(changed.SelectMany(c => c.Stored)),
        });
        foreach (var (question, _, value) in changed)
        {
            if (value is null)
            {
                answers.Remove(question.Key);
            }
            else
            {
                answers[question.Key] = value;
            }
        }
        return TypedResults.Ok(await UpdateAsync(session, questionnaire, AnswerCheck.Progress(instrument, questionnaire.Respondents, answers), now));
    }

    /// <summary>
    /// Submits the questionnaire when every required question asked is answered and every consistency rule holds; answers
    /// to questions no longer asked are cleared. A school's submission is announced (SchoolQuestionnaireSubmitted).
    /// </summary>
    public static async Task<IResult> SubmitAsync(DataSession session, InstrumentStore instruments, QuestionnaireRow questionnaire, Answerer by,
        DateTimeOffset now)
    {
        if (Closed(questionnaire) is { } closed)
        {
            return closed;
        }
        var instrument = (await instruments.FindAsync(session, questionnaire.InstrumentVersion))!;
        var answers = await AnswersAsync(session, instrument, questionnaire.Id);
        var errors = new AnswerErrors();
        AnswerCheck.Submitting(instrument, questionnaire.Respondents, answers, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        var notAsked = AnswerCheck.NotAsked(instrument, questionnaire.Respondents, answers);
        foreach (var key in notAsked)
        {
            answers.Remove(key);
        }
        var progress = AnswerCheck.Progress(instrument, questionnaire.Respondents, answers);
        await session.ExecuteAsync($"""
            DELETE FROM answers WHERE questionnaire_id = @Id AND question_key = ANY (@keys);
            UPDATE questionnaires SET status = '{QuestionnaireStatus.Submitted}', submitted_at = @now, submitted_by = @PersonId, submitted_via_link = @LinkId,
                   required_questions = @RequiredQuestions, answered_required = @AnsweredRequired
            WHERE id = @Id;
            """, new
        {
            questionnaire.Id, keys = notAsked.SelectMany(k => StoredKeys(instrument.Find(k)!.Question)).ToArray(), now = now.ToUniversalTime(),
            by.PersonId, by.LinkId, progress.RequiredQuestions, progress.AnsweredRequired,
        });
        if (questionnaire.SchoolId is { } schoolId)
        {
            await session.EnqueueAsync(new SchoolQuestionnaireSubmitted
            {
                DiagnosisId = questionnaire.DiagnosisId, QuestionnaireId = questionnaire.Id, SchoolId = schoolId, JstTerc = questionnaire.JstTerc,
                InstrumentVersion = questionnaire.InstrumentVersion, RequiredQuestions = progress.RequiredQuestions, AnsweredQuestions = answers.Count,
                ViaLink = by.LinkId is not null, SubmittedAt = now,
            });
        }
        await session.CommitAsync();
        return TypedResults.Ok(new QuestionnaireState(questionnaire.Id, QuestionnaireStatus.Submitted, progress, questionnaire.UpdatedAt, now));
    }

    /// <summary>
    /// Why the questionnaire takes no answers now: its diagnosis stopped collecting, or is submitted to review or accepted
    /// (<see cref="Frozen"/>), or the questionnaire is submitted (until the team reopens it).
    /// </summary>
    public static IResult? Closed(QuestionnaireRow questionnaire) =>
        Frozen(questionnaire) ?? (questionnaire.Status == QuestionnaireStatus.Submitted
            ? Problems.Conflict("Kwestionariusz jest przesłany.", "The questionnaire has been submitted.",
                "Przesłanego kwestionariusza nie można zmieniać; zespół JST może go otworzyć ponownie, podając powód.",
                "A submitted questionnaire cannot be changed; the JST's team may reopen it, giving a reason.")
            : null);

    /// <summary>
    /// Why no questionnaire of the diagnosis changes now, whatever its own status (no answer saved, no submission, no
    /// reopening): the team ended collection, or the diagnosis is submitted to review or accepted (409 naming its state;
    /// once returned for changes, questionnaires change again).
    /// </summary>
    public static IResult? Frozen(QuestionnaireRow questionnaire) =>
        questionnaire.CollectionClosedAt is not null
            ? Problems.Conflict("Zbieranie danych zakończone.", "Collection has ended.",
                "Zespół JST zakończył zbieranie danych w tej diagnozie; odpowiedzi nie można już zmieniać.",
                "The JST's team has ended collection in this diagnosis; answers can no longer be changed.")
            : !DiagnosisStatus.IsEditable(questionnaire.DiagnosisStatus)
                ? DiagnosisStatus.WrongState(questionnaire.DiagnosisStatus,
                    "kwestionariusze wypełnia się, przesyła i otwiera ponownie, dopóki jest w przygotowaniu albo zwrócona do poprawy.",
                    "questionnaires are filled in, submitted and reopened while it is a draft or returned for changes.")
            : null;

    private static async Task<QuestionnaireState> UpdateAsync(DataSession session, QuestionnaireRow questionnaire, QuestionnaireProgress progress, DateTimeOffset now)
    {
        await session.ExecuteAsync("""
            UPDATE questionnaires SET required_questions = @RequiredQuestions, answered_required = @AnsweredRequired, updated_at = @now WHERE id = @Id
            """, new { questionnaire.Id, progress.RequiredQuestions, progress.AnsweredRequired, now = now.ToUniversalTime() });
        await session.CommitAsync();
        return new QuestionnaireState(questionnaire.Id, questionnaire.Status, progress, now, questionnaire.SubmittedAt);
    }

    /// <summary>The question keys the answer rows of <paramref name="question"/> are stored under (a group's: its row questions').</summary>
    private static IEnumerable<string> StoredKeys(QuestionDefinition question) =>
        question.Kind == QuestionKind.RepeatGroup ? question.RowQuestions.Select(c => c.Key) : [question.Key];

    private static bool Same(AnswerValue? a, AnswerValue? b) => JsonSerializer.Serialize(a) == JsonSerializer.Serialize(b);

    public static IResult NotFound() => ProblemDetailsDefaults.NotFound("Nie ma takiego kwestionariusza diagnozy.", "There is no such diagnosis questionnaire.");
}
