namespace Cro.Monitoring.Features.Conferences;

/// <summary>Records a participant checked in at a conference on a day, as publishing announced it (counts only, no one named).</summary>
public sealed class ConferenceAttendedConsumer(NpgsqlDataSource dataSource) : InboxConsumer<ConferenceAttended>(dataSource)
{
    protected override Task HandleAsync(ConferenceAttended message, DataSession session) =>
        session.ExecuteAsync("""
            INSERT INTO conferences (id, title, starts_at) VALUES (@ConferenceId, @ConferenceTitle, @startsAt)
            ON CONFLICT (id) DO UPDATE SET title = excluded.title, starts_at = excluded.starts_at;
            INSERT INTO conference_attendance (registration_id, day, conference_id, participant_key, sex, institution_kind, jst_terc, jst_kind, attended_at)
            VALUES (@RegistrationId, @Day, @ConferenceId, @ParticipantKey, @Sex, @InstitutionKind, @JstTerc, @JstKind, @attendedAt)
            ON CONFLICT (registration_id, day) DO NOTHING;
            """, new
        {
            message.ConferenceId, message.ConferenceTitle, startsAt = message.ConferenceStartsAt.ToUniversalTime(), message.RegistrationId, message.Day,
            message.ParticipantKey, message.Sex, message.InstitutionKind, message.JstTerc, message.JstKind, attendedAt = message.AttendedAt.ToUniversalTime(),
        });
}
