namespace Cro.Evaluation.Features.Surveys;

/// <summary>
/// Seals answers: an answer is stored in the transaction that marks its invitation answered, so until sealed the two rows share
/// their transaction id (xmin) and the answers lie in the order they came. Sealing re-inserts the waiting answers in one
/// transaction, in random order, with new random ids — once at least survey_settings.min_group_size wait (so a batch never
/// singles one person out), or once a day whatever waits. Run by <see cref="SurveyReminders"/>' ticks; replicas queue on the
/// settings row.
/// </summary>
public static class SurveyBallotBox
{
    public static readonly TimeSpan MaxWait = TimeSpan.FromDays(1);

    /// <summary>Seals what waits when it is time; how many answers were sealed.</summary>
    public static async Task<int> SealAsync(NpgsqlDataSource db, DateTimeOffset now, CancellationToken ct)
    {
        await using var session = await DataSession.OpenAsync(db, JstScope.All, ct);
        var (minimum, lastSealedAt) = await session.QuerySingleAsync<(int, DateTimeOffset?)>(
            "SELECT min_group_size, last_sealed_at FROM survey_settings FOR UPDATE");
        var waiting = await session.ExecuteScalarAsync<int>("SELECT count(*)::int FROM survey_answers WHERE NOT sealed");
        if (waiting == 0 || (waiting < minimum && lastSealedAt is { } last && now - last < MaxWait))
        {
            return 0;
        }
        var sealedCount = await session.ExecuteAsync("""
            WITH moved AS (DELETE FROM survey_answers WHERE NOT sealed
                           RETURNING template_code, template_version, occasion, module_code, cohort_id, advisor_id, conference_id, answers)
            INSERT INTO survey_answers (id, template_code, template_version, occasion, module_code, cohort_id, advisor_id, conference_id, answers, sealed)
            SELECT gen_random_uuid(), template_code, template_version, occasion, module_code, cohort_id, advisor_id, conference_id, answers, true
            FROM moved ORDER BY random();
            """);
        await session.ExecuteAsync("UPDATE survey_settings SET last_sealed_at = @now", new { now = now.ToUniversalTime() });
        await session.CommitAsync();
        return sealedCount;
    }
}
