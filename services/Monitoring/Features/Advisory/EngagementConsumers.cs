namespace Cro.Monitoring.Features.Advisory;

/// <summary>
/// Records a JST's engagement, or its handover to another advisor: the latest assignment names the advisor and the
/// budget, whichever order a handover and the first assignment arrive in.
/// </summary>
public sealed class AdvisorAssignedConsumer(NpgsqlDataSource dataSource) : InboxConsumer<AdvisorAssigned>(dataSource)
{
    protected override Task HandleAsync(AdvisorAssigned message, DataSession session) =>
        session.ExecuteAsync("""
            INSERT INTO advisory_engagements (engagement_id, round_id, jst_terc, jst_name, advisor_id, hours_budget, starts_on, ends_on, assigned_at)
            VALUES (@EngagementId, @RoundId, @JstTerc, @JstName, @AdvisorId, @HoursBudget, @StartsOn, @EndsOn, @AssignedAt)
            ON CONFLICT (engagement_id) DO UPDATE
                SET jst_name = excluded.jst_name, advisor_id = excluded.advisor_id, hours_budget = excluded.hours_budget,
                    starts_on = excluded.starts_on, ends_on = excluded.ends_on, assigned_at = excluded.assigned_at
                WHERE advisory_engagements.assigned_at IS NULL OR advisory_engagements.assigned_at < excluded.assigned_at
            """, new
        {
            message.EngagementId, message.RoundId, message.JstTerc, message.JstName, message.AdvisorId, message.HoursBudget,
            message.StartsOn, message.EndsOn, AssignedAt = message.AssignedAt.ToUniversalTime(),
        });
}

/// <summary>Records that a JST's advisory ended; if it overtook the assignment, the row starts here and the assignment fills it in.</summary>
public sealed class EngagementEndedConsumer(NpgsqlDataSource dataSource) : InboxConsumer<EngagementEnded>(dataSource)
{
    protected override Task HandleAsync(EngagementEnded message, DataSession session) =>
        session.ExecuteAsync("""
            INSERT INTO advisory_engagements (engagement_id, round_id, jst_terc, advisor_id, ended_at, ended_how)
            VALUES (@EngagementId, @RoundId, @JstTerc, @AdvisorId, @EndedAt, @How)
            ON CONFLICT (engagement_id) DO UPDATE SET ended_at = excluded.ended_at, ended_how = excluded.ended_how
            """, new { message.EngagementId, message.RoundId, message.JstTerc, message.AdvisorId, EndedAt = message.EndedAt.ToUniversalTime(), message.How });
}
