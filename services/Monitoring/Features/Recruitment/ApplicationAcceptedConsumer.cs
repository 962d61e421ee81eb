namespace Cro.Monitoring.Features.Recruitment;

/// <summary>
/// Records an accepted application (by an operator, or promoted from the reserve list in a withdrawn JST's
/// stead) and its task team: each member's id and sex category, nothing else of the person.
/// </summary>
public sealed class ApplicationAcceptedConsumer(NpgsqlDataSource dataSource) : InboxConsumer<ApplicationAccepted>(dataSource)
{
    // The team as accepted replaces any team recorded before for this application.
    protected override Task HandleAsync(ApplicationAccepted message, DataSession session) =>
        RecruitmentRecord.RecordAsync(session,
            new(message.ApplicationId, message.RoundId, message.RoundName, message.JstTerc, message.VoivodeshipTerc), """
            UPDATE recruitment_applications SET accepted_at = @AcceptedAt, promoted_from_reserve = @PromotedFromReserve
            WHERE id = @ApplicationId;
            DELETE FROM recruitment_team_members WHERE application_id = @ApplicationId AND NOT joined_later;
            INSERT INTO recruitment_team_members (application_id, member_id, sex)
            SELECT @ApplicationId, member.id, member.sex FROM unnest(@MemberIds, @Sexes) AS member (id, sex)
            ON CONFLICT DO NOTHING;
            """, new
            {
                message.ApplicationId, message.AcceptedAt, message.PromotedFromReserve,
                MemberIds = message.Team.Select(m => m.MemberId).ToArray(),
                Sexes = message.Team.Select(m => m.Sex).ToArray(),
            });
}
