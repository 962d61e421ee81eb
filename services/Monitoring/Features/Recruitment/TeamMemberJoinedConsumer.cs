namespace Cro.Monitoring.Features.Recruitment;

/// <summary>
/// Records a person who joined an accepted team later: their id and sex category. (Someone who leaves
/// stays counted: they were supported while in the team, so TeamMemberLeft changes no count.)
/// </summary>
public sealed class TeamMemberJoinedConsumer(NpgsqlDataSource dataSource) : InboxConsumer<TeamMemberJoined>(dataSource)
{
    protected override Task HandleAsync(TeamMemberJoined message, DataSession session) =>
        // The round and application rows exist unless this event overtook the acceptance; then they are
        // created here, nameless, and ApplicationAccepted fills them in.
        session.ExecuteAsync("""
            INSERT INTO recruitment_rounds (id, name) VALUES (@RoundId, '') ON CONFLICT (id) DO NOTHING;
            INSERT INTO recruitment_applications (id, round_id, jst_terc, voivodeship_terc)
            VALUES (@ApplicationId, @RoundId, @JstTerc, left(@JstTerc, 2)) ON CONFLICT (id) DO NOTHING;
            INSERT INTO recruitment_team_members (application_id, member_id, sex, joined_later)
            VALUES (@ApplicationId, @MemberId, @Sex, true) ON CONFLICT DO NOTHING;
            """, new { message.RoundId, message.ApplicationId, message.JstTerc, message.Member.MemberId, message.Member.Sex });
}
