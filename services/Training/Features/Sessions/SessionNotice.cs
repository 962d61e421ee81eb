using Cro.BuildingBlocks.Messaging;
using Cro.Contracts;

namespace Cro.Training.Features.Sessions;

/// <summary>
/// Announces a new or moved session with <see cref="SessionScheduled"/>, carrying the people to tell: the
/// cohort's active participants and its trainers. Runs in the session that scheduled or moved it, under
/// a scope that sees the cohort's people (an operator's).
/// </summary>
internal static class SessionNotice
{
    public static async Task EnqueueAsync(DataSession session, SessionRow scheduled, DateTimeOffset? previousStartsAt, DateTimeOffset now)
    {
        var attendees = await AttendeesAsync(session, scheduled.CohortId);
        await session.EnqueueAsync(new SessionScheduled
        {
            SessionId = scheduled.Id, CohortId = scheduled.CohortId, CohortName = scheduled.CohortName, ModuleCode = scheduled.ModuleCode,
            ModuleTitle = scheduled.ModuleTitle, StartsAt = scheduled.StartsAt, EndsAt = scheduled.EndsAt, Form = scheduled.Form, Place = scheduled.Place,
            OnlineUrl = scheduled.OnlineUrl is null ? null : new Uri(scheduled.OnlineUrl), Hours = scheduled.Hours,
            Moved = previousStartsAt is not null, PreviousStartsAt = previousStartsAt, Sequence = scheduled.Sequence,
            Attendees = attendees, ScheduledAt = now,
        });
    }

    /// <summary>The people a notice of the cohort's session goes to: its active participants and its trainers.</summary>
    public static async Task<IReadOnlyList<SessionAttendee>> AttendeesAsync(DataSession session, Guid cohortId) =>
        [.. await session.QueryAsync<SessionAttendee>($"""
            SELECT p.id AS participant_id, p.full_name, p.email, '{AttendeeRole.Participant}' AS role
            FROM participants p JOIN teams t ON t.application_id = p.application_id
            WHERE t.cohort_id = @CohortId AND t.withdrawn_at IS NULL AND p.left_at IS NULL
            UNION ALL
            SELECT NULL, full_name, email, '{AttendeeRole.Trainer}' FROM cohort_trainers WHERE cohort_id = @CohortId
            """, new { CohortId = cohortId })];
}

/// <summary>What someone a session notice goes to is to the session (<see cref="SessionAttendee.Role"/>).</summary>
public static class AttendeeRole
{
    public const string Participant = "participant";
    public const string Trainer = "trainer";
}
