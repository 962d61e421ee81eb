using Cro.Training.Features.Access;

namespace Cro.Training.Features.Sessions;

/// <summary>
/// A session's capacity is the seats of its room or meeting. It is enforced where the operator can still act on
/// it, when sessions are planned and teams placed: a session is not scheduled (or changed) with fewer seats than
/// the cohort has people, and a team is not placed in a cohort whose coming sessions cannot seat it (409 with the
/// numbers; the operator books a bigger room or splits the cohort). It is not enforced when attendance is
/// recorded: a mark says who was there, and refusing a person who came would make the register, the hours and
/// the indicators untrue. People who join a team later (recruitment's replacements) are enrolled regardless;
/// the next change of the session then asks for enough seats.
/// </summary>
internal static class SessionCapacity
{
    /// <summary>The active people of the cohort, with those of <paramref name="joining"/> teams added. Needs a scope that sees them all.</summary>
    public static Task<int> PeopleAsync(DataSession session, Guid cohortId, IReadOnlyList<Guid> joining) =>
        session.ExecuteScalarAsync<int>("""
            SELECT count(*)::int FROM participants p JOIN teams t ON t.application_id = p.application_id
            WHERE (t.cohort_id = @cohortId OR t.application_id = ANY (@joining)) AND t.withdrawn_at IS NULL AND p.left_at IS NULL
            """, new { cohortId, joining = joining.ToArray() });

    /// <summary>409 when a session of <paramref name="capacity"/> seats cannot seat the cohort's people.</summary>
    public static async Task<IResult?> RefusalAsync(DataSession session, Guid cohortId, int capacity)
    {
        var people = await PeopleAsync(session, cohortId, []);
        return people <= capacity
            ? null
            : Problems.Conflict("Za mało miejsc na zajęciach.", "Not enough seats at the session.",
                $"Grupa liczy {people} osób, a zajęcia mają {capacity} miejsc. Zwiększ liczbę miejsc (większa sala, pojemniejsze spotkanie) albo podziel grupę.",
                $"The cohort has {people} people and the session {capacity} seats. Raise the capacity (a bigger room or meeting) or split the cohort.");
    }

    private sealed record Tight(DateTimeOffset StartsAt, string ModuleCode, int Capacity);

    /// <summary>409 when the cohort's coming sessions cannot seat its people together with the <paramref name="joining"/> teams.</summary>
    public static async Task<IResult?> PlacementRefusalAsync(DataSession session, Guid cohortId, IReadOnlyList<Guid> joining, DateTimeOffset now)
    {
        var people = await PeopleAsync(session, cohortId, joining);
        var tight = await session.QueryFirstOrDefaultAsync<Tight>("""
            SELECT starts_at, module_code, capacity FROM sessions
            WHERE cohort_id = @cohortId AND cancelled_at IS NULL AND ends_at > @now AND capacity < @people
            ORDER BY capacity, starts_at LIMIT 1
            """, new { cohortId, now = now.ToUniversalTime(), people });
        return tight is null
            ? null
            : Problems.Conflict("Za mało miejsc na zajęciach grupy.", "Not enough seats at the cohort's sessions.",
                $"Z tymi zespołami grupa liczyłaby {people} osób, a zajęcia {tight.ModuleCode} {WarsawTime.InWarsaw(tight.StartsAt):yyyy-MM-dd HH:mm} mają {tight.Capacity} miejsc. Najpierw zwiększ liczbę miejsc na zajęciach grupy.",
                $"With these teams the cohort would have {people} people, and session {tight.ModuleCode} on {WarsawTime.InWarsaw(tight.StartsAt):yyyy-MM-dd HH:mm} has {tight.Capacity} seats. Raise the capacity of the cohort's sessions first.");
    }
}
