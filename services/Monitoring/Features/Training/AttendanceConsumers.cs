namespace Cro.Monitoring.Features.Training;

/// <summary>
/// Keeps who attended which session: a person's support started with the first session they attended
/// (the output indicator). A correction to absent takes the session back; between the two events for one
/// session and person, the one recorded later stands, whatever order the broker delivers them in.
/// </summary>
internal static class TrainingAttendance
{
    public const string UpsertSql = """
        INSERT INTO training_attendance (session_id, participant_id, jst_terc, sex, attended, recorded_at, session_starts_at)
        VALUES (@SessionId, @ParticipantId, @JstTerc, @Sex, @Attended, @RecordedAt, @SessionStartsAt)
        ON CONFLICT (session_id, participant_id) DO UPDATE
            SET attended = excluded.attended, recorded_at = excluded.recorded_at, jst_terc = excluded.jst_terc, sex = excluded.sex,
                session_starts_at = coalesce(excluded.session_starts_at, training_attendance.session_starts_at)
            WHERE training_attendance.recorded_at <= excluded.recorded_at
        """;
}

public sealed class SessionAttendedConsumer(NpgsqlDataSource dataSource) : InboxConsumer<SessionAttended>(dataSource)
{
    protected override Task HandleAsync(SessionAttended message, DataSession session) =>
        session.ExecuteAsync(TrainingAttendance.UpsertSql, new
        {
            message.SessionId, message.ParticipantId, message.JstTerc, message.Sex, Attended = true,
            RecordedAt = message.RecordedAt.ToUniversalTime(), SessionStartsAt = (DateTimeOffset?)message.SessionStartsAt.ToUniversalTime(),
        });
}

public sealed class SessionAttendanceRevokedConsumer(NpgsqlDataSource dataSource) : InboxConsumer<SessionAttendanceRevoked>(dataSource)
{
    protected override Task HandleAsync(SessionAttendanceRevoked message, DataSession session) =>
        session.ExecuteAsync(TrainingAttendance.UpsertSql, new
        {
            message.SessionId, message.ParticipantId, message.JstTerc, message.Sex, Attended = false,
            RecordedAt = message.RevokedAt.ToUniversalTime(), SessionStartsAt = (DateTimeOffset?)null,
        });
}
