namespace Cro.Publishing.Features.Registry;

/// <summary>An advisor took up a JST's advisory (or took it over): the JST's submitted practices wait for them.</summary>
public sealed class AdvisorAssignedConsumer(NpgsqlDataSource dataSource) : InboxConsumer<AdvisorAssigned>(dataSource)
{
    protected override JstScope ScopeOf(AdvisorAssigned message) => JstScope.Of([message.JstTerc]);

    protected override Task HandleAsync(AdvisorAssigned message, DataSession session) =>
        session.ExecuteAsync("""
            INSERT INTO jst_advisors (engagement_id, jst_terc, advisor_id, advisor_user_id, full_name, email, assigned_at)
            VALUES (@EngagementId, @JstTerc, @AdvisorId, @AdvisorUserId, @AdvisorName, @AdvisorEmail, @at)
            ON CONFLICT (engagement_id) DO UPDATE SET advisor_id = excluded.advisor_id, advisor_user_id = excluded.advisor_user_id,
                full_name = excluded.full_name, email = excluded.email, assigned_at = excluded.assigned_at
            WHERE jst_advisors.assigned_at <= excluded.assigned_at
            """, new
        {
            message.EngagementId, message.JstTerc, message.AdvisorId, message.AdvisorUserId, message.AdvisorName, message.AdvisorEmail,
            at = message.AssignedAt.ToUniversalTime(),
        });
}

/// <summary>A JST's advisory ended: its advisor no longer reviews its practices.</summary>
public sealed class EngagementEndedConsumer(NpgsqlDataSource dataSource) : InboxConsumer<EngagementEnded>(dataSource)
{
    protected override JstScope ScopeOf(EngagementEnded message) => JstScope.Of([message.JstTerc]);

    protected override Task HandleAsync(EngagementEnded message, DataSession session) =>
        session.ExecuteAsync("UPDATE jst_advisors SET ended_at = @at WHERE engagement_id = @EngagementId AND ended_at IS NULL",
            new { at = message.EndedAt.ToUniversalTime(), message.EngagementId });
}

/// <summary>Each JST's current advisors, whom a practice submitted to review waits for.</summary>
public static class JstAdvisors
{
    public sealed record Advisor(string FullName, string Email);

    public static async Task<IReadOnlyList<Advisor>> CurrentAsync(DataSession session, string terc) =>
        [.. await session.QueryAsync<Advisor>(
            "SELECT DISTINCT full_name, email FROM jst_advisors WHERE jst_terc = @terc AND ended_at IS NULL ORDER BY full_name", new { terc })];
}
