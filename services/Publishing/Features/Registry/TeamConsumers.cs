namespace Cro.Publishing.Features.Registry;

/// <summary>An accepted application: its team's people may write the JST's practices and are named as their authors.</summary>
public sealed class ApplicationAcceptedConsumer(NpgsqlDataSource dataSource) : InboxConsumer<ApplicationAccepted>(dataSource)
{
    // A consumer writes for the event's JST only: row-level security refuses anything else.
    protected override JstScope ScopeOf(ApplicationAccepted message) => JstScope.Of([message.JstTerc]);

    protected override async Task HandleAsync(ApplicationAccepted message, DataSession session)
    {
        foreach (var member in message.Team)
        {
            await TeamMembers.JoinAsync(session, message.ApplicationId, message.JstTerc, member, message.AcceptedAt);
        }
    }
}

/// <summary>Someone joined an accepted team in another's place.</summary>
public sealed class TeamMemberJoinedConsumer(NpgsqlDataSource dataSource) : InboxConsumer<TeamMemberJoined>(dataSource)
{
    protected override JstScope ScopeOf(TeamMemberJoined message) => JstScope.Of([message.JstTerc]);

    protected override Task HandleAsync(TeamMemberJoined message, DataSession session) =>
        TeamMembers.JoinAsync(session, message.ApplicationId, message.JstTerc, message.Member, message.JoinedAt);
}

/// <summary>Someone left a team: they are named on no new practice; what they wrote stays theirs.</summary>
public sealed class TeamMemberLeftConsumer(NpgsqlDataSource dataSource) : InboxConsumer<TeamMemberLeft>(dataSource)
{
    protected override JstScope ScopeOf(TeamMemberLeft message) => JstScope.Of([message.JstTerc]);

    protected override Task HandleAsync(TeamMemberLeft message, DataSession session) =>
        session.ExecuteAsync("UPDATE team_members SET left_at = @LeftAt WHERE member_id = @MemberId AND left_at IS NULL",
            new { LeftAt = message.LeftAt.ToUniversalTime(), message.MemberId });
}

/// <summary>A JST that had a place withdrew: its team leaves.</summary>
public sealed class JstWithdrewConsumer(NpgsqlDataSource dataSource) : InboxConsumer<JstWithdrew>(dataSource)
{
    protected override JstScope ScopeOf(JstWithdrew message) => JstScope.Of([message.JstTerc]);

    protected override Task HandleAsync(JstWithdrew message, DataSession session) =>
        session.ExecuteAsync("UPDATE team_members SET left_at = @at WHERE application_id = @ApplicationId AND left_at IS NULL",
            new { at = message.WithdrewAt.ToUniversalTime(), message.ApplicationId });
}
