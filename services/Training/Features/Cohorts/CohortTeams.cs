using Cro.Training.Features.Access;
using Cro.Training.Features.Sessions;

namespace Cro.Training.Features.Cohorts;

/// <summary>Places waiting teams in a cohort, and assigns a cohort's trainers.</summary>
internal static class CohortTeams
{
    private sealed record Candidate(Guid ApplicationId, string JstName, Guid? CohortId, DateTimeOffset? WithdrawnAt, DateTimeOffset? AcceptedAt);

    /// <summary>Places the teams in <paramref name="cohortId"/>; the refusal, when one of them cannot be placed, and then nothing changes.</summary>
    public static async Task<IResult?> PlaceAsync(DataSession session, Guid cohortId, IReadOnlyList<Guid> applicationIds, DateTimeOffset now)
    {
        // Locked, so two operators placing the same team at once place it once.
        var found = (await session.QueryAsync<Candidate>("""
            SELECT application_id, jst_name, cohort_id, withdrawn_at, accepted_at FROM teams
            WHERE application_id = ANY (@ids) ORDER BY application_id FOR UPDATE
            """, new { ids = applicationIds.ToArray() })).ToDictionary(t => t.ApplicationId);
        var unknown = applicationIds.Where(id => !found.TryGetValue(id, out var team) || team.AcceptedAt is null).ToList();
        if (unknown.Count > 0)
        {
            return Problems.Unprocessable("Te zespoły nie są zapisane na szkolenie (wniosek nieprzyjęty albo nieznany).",
                "These teams are not enrolled in the training (application not accepted, or unknown).",
                new Dictionary<string, object?> { ["applicationIds"] = unknown });
        }
        var withdrawn = found.Values.Where(t => t.WithdrawnAt is not null).Select(t => t.JstName).ToList();
        if (withdrawn.Count > 0)
        {
            return Problems.Conflict("JST wycofała się.", "The JST withdrew.",
                $"Wycofały się z projektu: {string.Join(", ", withdrawn)}.", $"These JST withdrew from the project: {string.Join(", ", withdrawn)}.");
        }
        var placed = found.Values.Where(t => t.CohortId is not null && t.CohortId != cohortId).Select(t => t.JstName).ToList();
        if (placed.Count > 0)
        {
            return Problems.Conflict("Zespół jest już w innej grupie.", "The team is in another cohort already.",
                $"Te zespoły mają już grupę: {string.Join(", ", placed)}.", $"These teams have a cohort already: {string.Join(", ", placed)}.");
        }
        if (await SessionCapacity.PlacementRefusalAsync(session, cohortId, applicationIds, now) is { } tooSmall)
        {
            return tooSmall;
        }
        await session.ExecuteAsync("UPDATE teams SET cohort_id = @cohortId WHERE application_id = ANY (@ids)",
            new { cohortId, ids = applicationIds.ToArray() });
        return null;
    }

    /// <summary>The cohort's trainers become exactly <paramref name="trainers"/>.</summary>
    public static Task AssignTrainersAsync(DataSession session, Guid cohortId, IReadOnlyList<TrainerInput> trainers, DateTimeOffset now)
    {
        var emails = trainers.Select(t => t.Email.Trim()).ToArray();
        // Trainers who stay keep their assignment date; those not named any more go.
        return session.ExecuteAsync("""
            DELETE FROM cohort_trainers WHERE cohort_id = @cohortId AND lower(email) <> ALL (SELECT lower(e) FROM unnest(@emails) AS e);
            INSERT INTO cohort_trainers (cohort_id, email, full_name, user_id, assigned_at)
            SELECT @cohortId, t.email, t.full_name, t.user_id, @now FROM unnest(@emails, @names, @userIds) AS t(email, full_name, user_id)
            ON CONFLICT (cohort_id, lower(email)) DO UPDATE SET full_name = excluded.full_name, user_id = coalesce(excluded.user_id, cohort_trainers.user_id);
            """, new
        {
            cohortId, emails, now = now.ToUniversalTime(),
            names = trainers.Select(t => t.FullName.Trim()).ToArray(),
            userIds = trainers.Select(t => t.UserId).ToArray(),
        });
    }
}
