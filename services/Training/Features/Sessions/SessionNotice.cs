using Cro.BuildingBlocks.Messaging;
using Cro.Contracts;
using Dapper;
using Npgsql;

namespace Cro.Training.Features.Sessions;

/// <summary>
/// Announces a new or moved session with <see cref="SessionScheduled"/>, carrying the people to tell: the
/// cohort's active participants and its trainers. Runs in the transaction that scheduled or moved it, under
/// a scope that sees the cohort's people (an operator's).
/// </summary>
internal static class SessionNotice
{
    public static async Task EnqueueAsync(NpgsqlTransaction transaction, SessionRow session, DateTimeOffset? previousStartsAt, DateTimeOffset now,
        CancellationToken ct)
    {
        var attendees = await AttendeesAsync(transaction, session.CohortId, ct);
        await transaction.EnqueueAsync(new SessionScheduled
        {
            SessionId = session.Id, CohortId = session.CohortId, CohortName = session.CohortName, ModuleCode = session.ModuleCode,
            ModuleTitle = session.ModuleTitle, StartsAt = session.StartsAt, EndsAt = session.EndsAt, Form = session.Form, Place = session.Place,
            OnlineUrl = session.OnlineUrl is null ? null : new Uri(session.OnlineUrl), Hours = session.Hours,
            Moved = previousStartsAt is not null, PreviousStartsAt = previousStartsAt, Sequence = session.Sequence,
            Attendees = attendees, ScheduledAt = now,
        }, ct);
    }

    /// <summary>The people a notice of the cohort's session goes to: its active participants and its trainers.</summary>
    public static async Task<IReadOnlyList<SessionAttendee>> AttendeesAsync(NpgsqlTransaction transaction, Guid cohortId, CancellationToken ct) =>
        [.. await transaction.Connection!.QueryAsync<SessionAttendee>(new CommandDefinition("""
            SELECT p.id AS participant_id, p.full_name, p.email, 'participant' AS role
            FROM participants p JOIN teams t ON t.application_id = p.application_id
            WHERE t.cohort_id = @CohortId AND t.withdrawn_at IS NULL AND p.left_at IS NULL
            UNION ALL
            SELECT NULL, full_name, email, 'trainer' FROM cohort_trainers WHERE cohort_id = @CohortId
            """, new { CohortId = cohortId }, transaction, cancellationToken: ct))];
}
