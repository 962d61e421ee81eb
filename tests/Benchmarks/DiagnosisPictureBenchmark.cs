using Cro.BuildingBlocks.Persistence;
using Cro.Monitoring.Features.Diagnosis;
using Cro.Monitoring.Features.Diagnosis.Picture;
using Cro.Monitoring.Features.Schools;
using Cro.ServiceDefaults.Security;

namespace Cro.Benchmarks;

/// <summary>
/// The JST picture of the largest JST: Warsaw (1465011), its 1,043 schools from the imported register, every school's
/// questionnaire submitted with generated answers to every figure's question (three device rows each). Measured: reading
/// the figures' answers and computing every figure (what the picture recomputes for the JST itself), against a baseline
/// of a plain SELECT of the same answer rows into a list, in the same process and run; medians of the runs, and the bytes
/// each allocates.
/// </summary>
public static class DiagnosisPictureBenchmark
{
    public const string Warsaw = "1465011";

    public static async Task<(SessionTimings.Result Baseline, SessionTimings.Result Picture, int Schools)> RunAsync(int runs)
    {
        var database = await TestDatabase.CreateMigratedAsync("bench_picture", typeof(RspoExtract).Assembly);
        DapperConventions.Apply();
        await using var db = NpgsqlDataSource.Create(database.AppConnectionString);
        await ImportSchoolRegister.ImportAsync(db, RspoExtract.OpenEmbedded, RspoExtract.FileName, TimeProvider.System);
        var (diagnosisId, schools) = await SeedAsync(db, database.OwnerConnectionString);

        var timings = await SessionTimings.MedianAsync(db, JstScope.Of([Warsaw]), runs,
            ("plain SELECT of the same answer rows (baseline)", async session => (await session.QueryAsync<(Guid, string, string, decimal?, int?, bool)>("""
                SELECT a.questionnaire_id, a.question_key, a.row_key, a.number_value, a.scale_value, a.dont_know
                FROM questionnaires q JOIN answers a ON a.questionnaire_id = q.id
                WHERE q.diagnosis_id = @diagnosisId AND q.status = 'submitted' AND a.question_key = ANY (@keys)
                """, new { diagnosisId, keys = Figures.QuestionKeys.ToArray() })).ToList().Count),
            ("picture: answers read and every figure computed", async session =>
            {
                var answers = (await AnswersLoader.LoadAsync(session, [diagnosisId]))[diagnosisId];
                var none = new MedianComparison("", 0, null, false);
                return Figures.All.Select(f => PictureFigure.Of(f, answers, smallNumbersShown: true, none, none)).Count(f => f.Value is not null);
            }));
        return (timings[0], timings[1], schools);
    }

    /// <summary>Warsaw's baseline diagnosis with every active school's questionnaire submitted, answers generated at random.</summary>
    private static async Task<(Guid Diagnosis, int Schools)> SeedAsync(NpgsqlDataSource db, string ownerConnection)
    {
        await using (var session = await DataSession.OpenAsync(db, JstScope.None, CancellationToken.None))
        {
            await InstrumentStore.TryInsertAsync(session, 1, InstrumentSeed.Definition(), null, createdBy: null, DateTimeOffset.UtcNow);
            await session.CommitAsync();
        }
        var diagnosisId = Guid.CreateVersion7();
        await using var owner = new NpgsqlConnection(ownerConnection);
        var schools = await owner.ExecuteScalarAsync<int>("""
            INSERT INTO diagnoses (id, jst_terc, kind, instrument_version, started_at) VALUES (@diagnosisId, @warsaw, 'baseline', 1, now());
            INSERT INTO questionnaires (id, diagnosis_id, jst_terc, school_id, school_name, status, required_questions, answered_required, submitted_at)
            SELECT gen_random_uuid(), @diagnosisId, @warsaw, s.id, s.name, 'submitted', 1, 1, now() FROM schools s WHERE s.jst_terc = @warsaw AND s.status = 'active';
            CREATE TEMP TABLE q AS SELECT id, (100 + floor(random() * 900))::int AS pupils FROM questionnaires WHERE diagnosis_id = @diagnosisId;
            INSERT INTO answers (questionnaire_id, question_key, jst_terc, number_value, answered_at)
            SELECT q.id, k.key, @warsaw, CASE k.key WHEN 'pupils' THEN q.pupils WHEN 'classrooms' THEN 20 WHEN 'classrooms_with_wifi' THEN floor(random() * 21)
                   WHEN 'bandwidth_download' THEN 100 * (1 + floor(random() * 10)) WHEN 'school_it_staff_fte' THEN round((random() * 2)::numeric, 1)
                   ELSE floor(random() * q.pupils / 10) END, now()
            FROM q CROSS JOIN unnest(ARRAY['pupils', 'classrooms', 'classrooms_with_wifi', 'bandwidth_download', 'school_it_staff_fte', 'pupils_without_device',
                'pupils_without_internet', 'pupils_in_poverty', 'pupils_with_disabilities', 'pupils_with_other_sen']) AS k(key);
            INSERT INTO answers (questionnaire_id, question_key, jst_terc, choice_keys, answered_at)
            SELECT q.id, 'wifi_available', @warsaw, ARRAY[CASE WHEN random() < 0.9 THEN 'yes' ELSE 'no' END], now() FROM q;
            INSERT INTO answers (questionnaire_id, question_key, jst_terc, scale_value, dont_know, answered_at)
            SELECT q.id, k.key, @warsaw, CASE WHEN r < 0.1 THEN NULL ELSE 1 + floor(r * 5) END, r < 0.1, now()
            FROM q CROSS JOIN unnest(@scales) AS k(key) CROSS JOIN LATERAL (SELECT random() + 0 * length(k.key) AS r) x;
            INSERT INTO answers (questionnaire_id, question_key, row_key, row_ordinal, jst_terc, number_value, choice_keys, answered_at)
            SELECT q.id, c.key, 'r' || n, n, @warsaw, CASE WHEN c.key LIKE 'devices%' THEN 10 * n END,
                   CASE c.key WHEN 'device_type' THEN ARRAY[(ARRAY['desktop', 'laptop', 'projector'])[n]]
                              WHEN 'device_age' THEN ARRAY[(ARRAY['under_2', 'from_2_to_5', 'over_5'])[n]] END, now()
            FROM q CROSS JOIN generate_series(1, 3) AS n
            CROSS JOIN unnest(ARRAY['device_type', 'device_age', 'devices_owned', 'devices_in_use', 'devices_for_pupils']) AS c(key);
            SELECT count(*)::int FROM q;
            """, new { diagnosisId, warsaw = Warsaw, scales = Figures.DirectorScales.Concat(Figures.TeacherScales).Concat(Figures.PupilScales).ToArray() });
        return (diagnosisId, schools);
    }
}
