using Cro.Monitoring.Features.Schools;

namespace Cro.Monitoring.Features.Diagnosis;

/// <summary>
/// The schools register changing while a diagnosis of the JST collects (a draft or returned for changes, collection not
/// ended), in the register change's transaction: a school added or reopened gets its questionnaire at once (completion and
/// links count it from then on; a reopened school that had one keeps it, and an excuse its closure gave is withdrawn); a
/// school closed has its questionnaire, unless submitted or excused already, excused with <see cref="ClosedReason"/>, as the
/// team excuses a school (<see cref="ExcuseSchool"/>), so it does not hold back the diagnosis's submission. A diagnosis
/// submitted to review, accepted or no longer collecting keeps its questionnaires as they are.
/// </summary>
public sealed class SchoolRegisterQuestionnaires(InstrumentStore instruments) : ISchoolRegisterObserver
{
    /// <summary>The excuse a school's questionnaire gets when the school is closed in the register during collection.</summary>
    public const string ClosedReason = "Szkoła zamknięta w rejestrze.";

    private sealed record Collecting(Guid Id, int InstrumentVersion);

    /// <summary>Each collecting diagnosis of the JST gets the school's questionnaire.</summary>
    public async Task SchoolActiveAsync(DataSession session, SchoolView school, DateTimeOffset now)
    {
        var empty = new Dictionary<string, AnswerValue>();
        foreach (var diagnosis in await CollectingAsync(session, school.JstTerc))
        {
            var instrument = (await instruments.FindAsync(session, diagnosis.InstrumentVersion))!;
            await session.ExecuteAsync($"""
                INSERT INTO questionnaires (id, diagnosis_id, jst_terc, school_id, school_name, status, required_questions, answered_required)
                VALUES (@questionnaire, @diagnosis, @terc, @schoolId, @name, '{QuestionnaireStatus.Open}', @required, 0)
                ON CONFLICT (diagnosis_id, school_id) DO NOTHING;
                UPDATE questionnaires SET excused_reason = NULL, excused_at = NULL, excused_by = NULL
                WHERE diagnosis_id = @diagnosis AND school_id = @schoolId AND excused_reason = @ClosedReason;
                """, new
            {
                questionnaire = Guid.CreateVersion7(), diagnosis = diagnosis.Id, terc = school.JstTerc, schoolId = school.Id, name = school.Name, ClosedReason,
                required = AnswerCheck.Progress(instrument, Respondent.OfSchool, empty).RequiredQuestions,
            });
        }
    }

    /// <summary>The school's questionnaire in each collecting diagnosis of the JST, if still to come, is excused.</summary>
    public async Task SchoolClosedAsync(DataSession session, SchoolView school, Guid? by, DateTimeOffset now)
    {
        var diagnoses = (await CollectingAsync(session, school.JstTerc)).Select(d => d.Id).ToArray();
        await session.ExecuteAsync($"""
            UPDATE questionnaires SET excused_reason = @ClosedReason, excused_at = @now, excused_by = @by
            WHERE diagnosis_id = ANY (@diagnoses) AND school_id = @schoolId AND status <> '{QuestionnaireStatus.Submitted}' AND excused_reason IS NULL
            """, new { diagnoses, schoolId = school.Id, ClosedReason, now = now.ToUniversalTime(), by });
    }

    /// <summary>
    /// The JST's diagnoses that collect, held so (FOR KEY SHARE) until the register change commits: a submission or an end
    /// of collection under way is waited for and then seen. The start of a diagnosis queues up with this on the JST's lock
    /// (<see cref="StartDiagnosis"/>), so it either counts the school or is found here.
    /// </summary>
    private static async Task<IReadOnlyList<Collecting>> CollectingAsync(DataSession session, string terc)
    {
        await session.ExecuteAsync("SELECT pg_advisory_xact_lock(hashtext('cro-diagnosis:' || @terc))", new { terc });
        return [.. await session.QueryAsync<Collecting>($"""
            SELECT id, instrument_version FROM diagnoses
            WHERE jst_terc = @terc AND status IN ('{DiagnosisStatus.Draft}', '{DiagnosisStatus.Returned}') AND collection_closed_at IS NULL
            ORDER BY id
            FOR KEY SHARE
            """, new { terc })];
    }
}
