using Cro.Training.Features.Access;
using Cro.Training.Features.Teams;

namespace Cro.Training.Features.Validation;

/// <summary>
/// Where a participant takes a module's tests: their place in a cohort whose programme version has the
/// module, and when the tests open. The pre-test is open until the module's first session of the cohort
/// starts (and while none is scheduled); the post-test once its last session has ended.
/// </summary>
internal sealed record TestPlace(ParticipantRow Participant, Guid CohortId, int ProgrammeVersion, string ModuleCode, DateTimeOffset? FirstStartsAt,
    DateTimeOffset? LastEndsAt)
{
    private sealed record Found(Guid ParticipantId, Guid CohortId, int ProgrammeVersion, DateTimeOffset? FirstStartsAt, DateTimeOffset? LastEndsAt);

    /// <summary>The caller's place for <paramref name="moduleCode"/>, or the refusal that says why there is none. Runs under the caller's scope.</summary>
    public static async Task<(TestPlace? Place, IResult? Refusal)> FindAsync(DataSession session, Caller caller, string moduleCode)
    {
        var mine = await ParticipantRow.MineAsync(session, caller);
        if (mine.Count == 0)
        {
            return (null, Problems.Forbidden("Testy rozwiązują uczestnicy szkolenia.", "Tests are taken by participants of the training."));
        }
        var found = await session.QueryFirstOrDefaultAsync<Found>("""
            SELECT p.id AS participant_id, c.id AS cohort_id, c.programme_version,
                   (SELECT min(s.starts_at) FROM sessions s WHERE s.cohort_id = c.id AND s.module_code = @moduleCode AND s.cancelled_at IS NULL) AS first_starts_at,
                   (SELECT max(s.ends_at) FROM sessions s WHERE s.cohort_id = c.id AND s.module_code = @moduleCode AND s.cancelled_at IS NULL) AS last_ends_at
            FROM participants p JOIN teams t ON t.application_id = p.application_id JOIN cohorts c ON c.id = t.cohort_id
            JOIN programme_modules m ON m.version = c.programme_version AND m.code = @moduleCode
            WHERE p.id = ANY (@ids)
            ORDER BY c.created_at DESC LIMIT 1
            """, new { moduleCode, ids = mine.Select(p => p.Id).ToArray() });
        if (found is null)
        {
            return (null, ProblemDetailsDefaults.NotFound($"Nie masz modułu {moduleCode}: nie jesteś jeszcze w grupie albo program Twojej grupy go nie ma.",
                $"You have no module {moduleCode}: you are not in a cohort yet, or your cohort's programme lacks it."));
        }
        return (new TestPlace(mine.First(p => p.Id == found.ParticipantId), found.CohortId, found.ProgrammeVersion, moduleCode, found.FirstStartsAt,
            found.LastEndsAt), null);
    }

    /// <summary>Why <paramref name="kind"/> cannot be started now (409), or null when it can.</summary>
    public IResult? ClosedRefusal(string kind, DateTimeOffset now)
    {
        if (kind == TestKind.Pre && FirstStartsAt is { } first && now >= first)
        {
            return Problems.Conflict("Pre-test jest już zamknięty.", "The pre-test is closed.",
                "Pre-test rozwiązuje się przed pierwszymi zajęciami modułu, a te już się zaczęły.",
                "The pre-test is taken before the module's first session, which has started.");
        }
        if (kind == TestKind.Post && (LastEndsAt is not { } last || now < last))
        {
            return Problems.Conflict("Post-test jeszcze się nie otworzył.", "The post-test is not open yet.",
                LastEndsAt is { } end
                    ? $"Post-test otwiera się po ostatnich zajęciach modułu, {WarsawTime.InWarsaw(end):yyyy-MM-dd HH:mm} (czas warszawski)."
                    : "Post-test otwiera się po ostatnich zajęciach modułu, a tych jeszcze nie zaplanowano.",
                LastEndsAt is { } end2
                    ? $"The post-test opens after the module's last session, {WarsawTime.InWarsaw(end2):yyyy-MM-dd HH:mm} (Warsaw time)."
                    : "The post-test opens after the module's last session, and none is scheduled yet.");
        }
        return null;
    }
}
