namespace Cro.Monitoring.Features.Recruitment;

/// <summary>
/// Records that a JST withdrew its application: an accepted one stops counting (with its team), and the
/// application promoted in its stead arrives as an ApplicationAccepted of its own.
/// </summary>
public sealed class JstWithdrewConsumer(NpgsqlDataSource dataSource) : InboxConsumer<JstWithdrew>(dataSource)
{
    // The event names no województwo: it is the first two digits of every TERC code.
    protected override Task HandleAsync(JstWithdrew message, DataSession session) =>
        RecruitmentRecord.RecordAsync(session,
            new(message.ApplicationId, message.RoundId, message.RoundName, message.JstTerc, message.JstTerc[..2]),
            "UPDATE recruitment_applications SET withdrawn_at = @WithdrewAt WHERE id = @ApplicationId", message);
}
