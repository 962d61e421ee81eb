using System.Text.Json;

namespace Cro.Monitoring.Features.Advisory;

/// <summary>
/// Records a dialogue meeting or education debate with the stakeholders present by type (counts only). A later record of
/// the same meeting replaces an earlier one, whichever order they arrive in.
/// </summary>
public sealed class DialogueMeetingHeldConsumer(NpgsqlDataSource dataSource) : InboxConsumer<DialogueMeetingHeld>(dataSource)
{
    protected override Task HandleAsync(DialogueMeetingHeld message, DataSession session) =>
        session.ExecuteAsync("""
            INSERT INTO dialogue_meetings (dialogue_meeting_id, round_id, jst_terc, kind, held_at, present, recorded_at)
            VALUES (@DialogueMeetingId, @RoundId, @JstTerc, @Kind, @HeldAt, @Present::jsonb, @RecordedAt)
            ON CONFLICT (dialogue_meeting_id) DO UPDATE
                SET round_id = excluded.round_id, jst_terc = excluded.jst_terc, kind = excluded.kind, held_at = excluded.held_at,
                    present = excluded.present, recorded_at = excluded.recorded_at
                WHERE dialogue_meetings.recorded_at <= excluded.recorded_at
            """, new
        {
            message.DialogueMeetingId, message.RoundId, message.JstTerc, message.Kind, HeldAt = message.HeldAt.ToUniversalTime(),
            Present = JsonSerializer.Serialize(message.Present), RecordedAt = message.RecordedAt.ToUniversalTime(),
        });
}
