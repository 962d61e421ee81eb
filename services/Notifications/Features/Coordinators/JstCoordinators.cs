using Cro.BuildingBlocks.Messaging;

namespace Cro.Notifications.Features.Coordinators;

/// <summary>
/// Notifications' own record of who coordinates each accepted JST's task team, kept from recruitment's events, for mail
/// that names a JST and not a person (<see cref="ReportReminderMailConsumer"/>). Each consumer applies its event once
/// (inbox); a person's erasure deletes their row.
/// </summary>
public static class JstCoordinators
{
    public sealed record Coordinator(Guid MemberId, string FullName, string Email);

    public static Task AddAsync(DataSession session, Guid applicationId, string jstTerc, TaskTeamMember member, DateTimeOffset since) =>
        session.ExecuteAsync("""
            INSERT INTO jst_coordinators (member_id, application_id, jst_terc, full_name, email, since)
            VALUES (@MemberId, @applicationId, @jstTerc, @FullName, @Email, @since)
            ON CONFLICT (member_id) DO UPDATE SET full_name = excluded.full_name, email = excluded.email
            """, new { member.MemberId, applicationId, jstTerc, member.FullName, Email = member.Email.Trim(), since = since.ToUniversalTime() });

    /// <summary>The JST's coordinator now: the latest to become one who has not left; null when none is known.</summary>
    public static Task<Coordinator?> CurrentAsync(DataSession session, string jstTerc) =>
        session.QueryFirstOrDefaultAsync<Coordinator?>("""
            SELECT member_id, full_name, email FROM jst_coordinators WHERE jst_terc = @jstTerc AND left_at IS NULL ORDER BY since DESC, member_id LIMIT 1
            """, new { jstTerc });
}

/// <summary>An accepted application's coordinator.</summary>
public sealed class CoordinatorAcceptedConsumer(NpgsqlDataSource dataSource) : InboxConsumer<ApplicationAccepted>(dataSource)
{
    protected override async Task HandleAsync(ApplicationAccepted message, DataSession session)
    {
        foreach (var member in message.Team.Where(m => m.IsCoordinator))
        {
            await JstCoordinators.AddAsync(session, message.ApplicationId, message.JstTerc, member, message.AcceptedAt);
        }
    }
}

/// <summary>A coordinator who joined an accepted team in another's place.</summary>
public sealed class CoordinatorJoinedConsumer(NpgsqlDataSource dataSource) : InboxConsumer<TeamMemberJoined>(dataSource)
{
    protected override Task HandleAsync(TeamMemberJoined message, DataSession session) => message.Member.IsCoordinator
        ? JstCoordinators.AddAsync(session, message.ApplicationId, message.JstTerc, message.Member, message.JoinedAt)
        : Task.CompletedTask;
}

/// <summary>A person who left a team is no longer its coordinator (anyone else leaving changes nothing here).</summary>
public sealed class CoordinatorLeftConsumer(NpgsqlDataSource dataSource) : InboxConsumer<TeamMemberLeft>(dataSource)
{
    protected override Task HandleAsync(TeamMemberLeft message, DataSession session) =>
        session.ExecuteAsync("UPDATE jst_coordinators SET left_at = @LeftAt WHERE member_id = @MemberId AND left_at IS NULL",
            new { LeftAt = message.LeftAt.ToUniversalTime(), message.MemberId });
}

/// <summary>A JST that withdrew with a place has no coordinator in the programme any more.</summary>
public sealed class CoordinatorWithdrewConsumer(NpgsqlDataSource dataSource) : InboxConsumer<JstWithdrew>(dataSource)
{
    protected override Task HandleAsync(JstWithdrew message, DataSession session) => message.HadPlace
        ? session.ExecuteAsync("UPDATE jst_coordinators SET left_at = @WithdrewAt WHERE application_id = @ApplicationId AND left_at IS NULL",
            new { WithdrewAt = message.WithdrewAt.ToUniversalTime(), message.ApplicationId })
        : Task.CompletedTask;
}
