using Cro.BuildingBlocks.Messaging;
using Cro.BuildingBlocks.Persistence;
using Cro.Contracts;
using Cro.ServiceDefaults.Security;
using Dapper;
using Npgsql;

namespace Cro.Training.Features.Enrolment;

/// <summary>An accepted application: the team enters the training with its people, waiting to be placed in a cohort.</summary>
public sealed class ApplicationAcceptedConsumer(NpgsqlDataSource dataSource) : InboxConsumer<ApplicationAccepted>(dataSource)
{
    protected override async Task HandleAsync(ApplicationAccepted message, NpgsqlTransaction transaction, CancellationToken ct)
    {
        // The consumer writes for this JST only: row-level security refuses anything else.
        await transaction.SetJstScopeAsync(JstScope.Of([message.JstTerc]), ct);
        var team = new Enrolment.Team(message.ApplicationId, message.RoundId, message.RoundName, message.JstTerc, message.JstName);
        await Enrolment.EnsureTeamAsync(transaction, team, message.AcceptedAt, ct);
        await Enrolment.EnrolAsync(transaction, team, message.Team, message.AcceptedAt, ct);
    }
}

/// <summary>A person joined an accepted team (in someone's place): enrolled like the others, in the team's cohort if it has one.</summary>
public sealed class TeamMemberJoinedConsumer(NpgsqlDataSource dataSource) : InboxConsumer<TeamMemberJoined>(dataSource)
{
    protected override async Task HandleAsync(TeamMemberJoined message, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await transaction.SetJstScopeAsync(JstScope.Of([message.JstTerc]), ct);
        if (!await Enrolment.TeamKnownAsync(transaction, message.ApplicationId, ct))
        {
            throw new TeamNotYetAcceptedException(message.ApplicationId);
        }
        var team = new Enrolment.Team(message.ApplicationId, message.RoundId, null, message.JstTerc, message.JstName);
        await Enrolment.EnrolAsync(transaction, team, [message.Member], message.JoinedAt, ct);
    }
}

/// <summary>A person left the team: no longer in the programme from then on; their attendance so far stays.</summary>
public sealed class TeamMemberLeftConsumer(NpgsqlDataSource dataSource) : InboxConsumer<TeamMemberLeft>(dataSource)
{
    protected override async Task HandleAsync(TeamMemberLeft message, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await transaction.SetJstScopeAsync(JstScope.Of([message.JstTerc]), ct);
        if (!await Enrolment.TeamKnownAsync(transaction, message.ApplicationId, ct))
        {
            throw new TeamNotYetAcceptedException(message.ApplicationId);
        }
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "UPDATE participants SET left_at = @LeftAt WHERE id = @MemberId AND left_at IS NULL",
            new { LeftAt = message.LeftAt.ToUniversalTime(), message.MemberId }, transaction, cancellationToken: ct));
    }
}

/// <summary>
/// A JST that had a place withdrew: the team and its people leave the training (their history stays, and the
/// team stays in its cohort's records). A JST that withdrew before acceptance never entered it.
/// </summary>
public sealed class JstWithdrewConsumer(NpgsqlDataSource dataSource) : InboxConsumer<JstWithdrew>(dataSource)
{
    protected override async Task HandleAsync(JstWithdrew message, NpgsqlTransaction transaction, CancellationToken ct)
    {
        if (!message.HadPlace)
        {
            return;
        }
        await transaction.SetJstScopeAsync(JstScope.Of([message.JstTerc]), ct);
        if (!await Enrolment.TeamKnownAsync(transaction, message.ApplicationId, ct))
        {
            throw new TeamNotYetAcceptedException(message.ApplicationId);
        }
        await transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            UPDATE teams SET withdrawn_at = @at WHERE application_id = @ApplicationId AND withdrawn_at IS NULL;
            UPDATE participants SET left_at = @at WHERE application_id = @ApplicationId AND left_at IS NULL;
            """, new { at = message.WithdrewAt.ToUniversalTime(), message.ApplicationId }, transaction, cancellationToken: ct));
    }
}
