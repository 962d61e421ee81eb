using Cro.BuildingBlocks.Messaging;
using Cro.Contracts;
using Cro.Training.Features.Sessions;
using Cro.Training.Features.Teams;

namespace Cro.Training.Features.Attendance;

/// <summary>
/// Writes attendance marks of one session. A mark written after the session ended is a correction: it is
/// recorded with who made it, when, the old and new status and the reason, in a table nobody can edit.
/// Becoming present announces <see cref="SessionAttended"/>; a present mark corrected away announces
/// <see cref="SessionAttendanceRevoked"/>; both through the outbox, in the same transaction. A change of
/// presence is handed to <see cref="IPresenceObserver"/> in it too (the person's completion is recomputed). The caller
/// holds the session row locked, so marks of one session are written one request after another.
/// </summary>
internal static class AttendanceLog
{
    public sealed record Mark(ParticipantRow Participant, string Status);

    public sealed record Author(Guid? UserId, string? Name, string Source);

    private sealed record Existing(Guid ParticipantId, string Status);

    /// <returns>How many marks changed.</returns>
    public static async Task<int> RecordAsync(DataSession db, SessionRow session, IReadOnlyList<Mark> marks, Author author, string? reason,
        DateTimeOffset now, IPresenceObserver observer)
    {
        var before = (await db.QueryAsync<Existing>(
            "SELECT participant_id, status FROM attendance WHERE session_id = @Id AND participant_id = ANY (@ids)",
            new { session.Id, ids = marks.Select(m => m.Participant.Id).ToArray() }))
            .ToDictionary(e => e.ParticipantId, e => e.Status);
        var correction = now > session.EndsAt;
        var events = new List<IIntegrationEvent>();
        var changed = 0;
        foreach (var (participant, status) in marks)
        {
            var old = before.GetValueOrDefault(participant.Id);
            if (old == status)
            {
                continue;
            }
            changed++;
            await db.ExecuteAsync("""
                INSERT INTO attendance (session_id, participant_id, jst_terc, status, source, recorded_by, recorded_at)
                VALUES (@sessionId, @participantId, @jstTerc, @status, @source, @by, @now)
                ON CONFLICT (session_id, participant_id) DO UPDATE
                SET status = excluded.status, source = excluded.source, recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at
                """, new
            {
                sessionId = session.Id, participantId = participant.Id, jstTerc = participant.JstTerc, status, source = author.Source,
                by = author.UserId, now = now.ToUniversalTime(),
            });
            if (correction)
            {
                await db.ExecuteAsync("""
                    INSERT INTO attendance_corrections (id, session_id, participant_id, jst_terc, old_status, new_status, reason, corrected_by,
                                                        corrected_by_name, corrected_at)
                    VALUES (@id, @sessionId, @participantId, @jstTerc, @old, @status, @reason, @by, @name, @now)
                    """, new
                {
                    id = Guid.CreateVersion7(), sessionId = session.Id, participantId = participant.Id, jstTerc = participant.JstTerc, old, status,
                    reason, by = author.UserId, name = author.Name, now = now.ToUniversalTime(),
                });
            }
            if (status == AttendanceStatus.Present)
            {
                events.Add(new SessionAttended
                {
                    SessionId = session.Id, CohortId = session.CohortId, ParticipantId = participant.Id, ApplicationId = participant.ApplicationId,
                    JstTerc = participant.JstTerc, Sex = participant.Sex, ModuleCode = session.ModuleCode, ProgrammeVersion = session.ProgrammeVersion,
                    Hours = session.Hours, SessionStartsAt = session.StartsAt, RecordedBy = author.Source, RecordedAt = now,
                });
            }
            else if (old == AttendanceStatus.Present)
            {
                events.Add(new SessionAttendanceRevoked
                {
                    SessionId = session.Id, CohortId = session.CohortId, ParticipantId = participant.Id, JstTerc = participant.JstTerc,
                    Sex = participant.Sex, ModuleCode = session.ModuleCode, Hours = session.Hours, Status = status, RevokedAt = now,
                });
            }
        }
        await db.EnqueueAsync(events);
        foreach (var participant in marks.Where(m => m.Status == AttendanceStatus.Present || before.GetValueOrDefault(m.Participant.Id) == AttendanceStatus.Present)
                     .Where(m => before.GetValueOrDefault(m.Participant.Id) != m.Status).Select(m => m.Participant.Id))
        {
            await observer.PresenceChangedAsync(db, participant, now);
        }
        return changed;
    }
}

/// <summary>
/// What follows a change of someone's presence at a session, in the session that recorded it: Progress recomputes their
/// completion of the module. Declared here and implemented there, so attendance knows nothing of how completion is kept.
/// </summary>
public interface IPresenceObserver
{
    Task PresenceChangedAsync(DataSession session, Guid participantId, DateTimeOffset now);
}
