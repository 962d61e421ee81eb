using Cro.BuildingBlocks.Messaging;
using Cro.Contracts;
using Dapper;
using Npgsql;

namespace Cro.Training.Features.Enrolment;

/// <summary>An accepted application: the team enters the training with its people, waiting to be placed in a cohort.</summary>
public sealed class ApplicationAcceptedConsumer(NpgsqlDataSource dataSource) : InboxConsumer<ApplicationAccepted>(dataSource)
{
    // The consumer writes for this JST only: row-level security refuses anything else.
    protected override JstScope ScopeOf(ApplicationAccepted message) => JstScope.Of([message.JstTerc]);

    protected override async Task HandleAsync(ApplicationAccepted message, DataSession session)
    {
        var team = new Enrolment.Team(message.ApplicationId, message.RoundId, message.RoundName, message.JstTerc, message.JstName);
        await Enrolment.EnsureTeamAsync(session.Transaction, team, message.AcceptedAt, session.Cancellation);
        await Enrolment.EnrolAsync(session.Transaction, team, message.Team, message.AcceptedAt, session.Cancellation);
    }
}

/// <summary>A person joined an accepted team (in someone's place): enrolled like the others, in the team's cohort if it has one.</summary>
public sealed class TeamMemberJoinedConsumer(NpgsqlDataSource dataSource) : InboxConsumer<TeamMemberJoined>(dataSource)
{
    protected override JstScope ScopeOf(TeamMemberJoined message) => JstScope.Of([message.JstTerc]);

    protected override async Task HandleAsync(TeamMemberJoined message, DataSession session)
    {
        if (!await Enrolment.TeamKnownAsync(session.Transaction, message.ApplicationId, session.Cancellation))
        {
            throw new TeamNotYetAcceptedException(message.ApplicationId);
        }
        var team = new Enrolment.Team(message.ApplicationId, message.RoundId, null, message.JstTerc, message.JstName);
        await Enrolment.EnrolAsync(session.Transaction, team, [message.Member], message.JoinedAt, session.Cancellation);
    }
}

/// <summary>A person left the team: no longer in the programme from then on; their attendance so far stays.</summary>
public sealed class TeamMemberLeftConsumer(NpgsqlDataSource dataSource) : InboxConsumer<TeamMemberLeft>(dataSource)
{
    protected override JstScope ScopeOf(TeamMemberLeft message) => JstScope.Of([message.JstTerc]);

    protected override async Task HandleAsync(TeamMemberLeft message, DataSession session)
    {
        if (!await Enrolment.TeamKnownAsync(session.Transaction, message.ApplicationId, session.Cancellation))
        {
            throw new TeamNotYetAcceptedException(message.ApplicationId);
        }
        await session.ExecuteAsync("UPDATE participants SET left_at = @LeftAt WHERE id = @MemberId AND left_at IS NULL",
            new { LeftAt = message.LeftAt.ToUniversalTime(), message.MemberId });
    }
}

/// <summary>
/// A JST that had a place withdrew: the team and its people leave the training (their history stays, and the
/// team stays in its cohort's records). A JST that withdrew before acceptance never entered it.
/// </summary>
public sealed class JstWithdrewConsumer(NpgsqlDataSource dataSource) : InboxConsumer<JstWithdrew>(dataSource)
{
    protected override JstScope ScopeOf(JstWithdrew message) => JstScope.Of([message.JstTerc]);

    protected override async Task HandleAsync(JstWithdrew message, DataSession session)
    {
        if (!message.HadPlace)
        {
            return;
        }
        if (!await Enrolment.TeamKnownAsync(session.Transaction, message.ApplicationId, session.Cancellation))
        {
            throw new TeamNotYetAcceptedException(message.ApplicationId);
        }
        await session.ExecuteAsync("""
            UPDATE teams SET withdrawn_at = @at WHERE application_id = @ApplicationId AND withdrawn_at IS NULL;
            UPDATE participants SET left_at = @at WHERE application_id = @ApplicationId AND left_at IS NULL;
            """, new { at = message.WithdrewAt.ToUniversalTime(), message.ApplicationId });
    }
}
