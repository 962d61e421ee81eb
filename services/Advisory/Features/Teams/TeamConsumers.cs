using Cro.Advisory.Features.Engagements;
using Cro.Contracts;
using Npgsql;

namespace Cro.Advisory.Features.Teams;

/// <summary>An accepted application: its team may be advised, and its people may book their advisor.</summary>
public sealed class ApplicationAcceptedConsumer(NpgsqlDataSource dataSource) : InboxConsumer<ApplicationAccepted>(dataSource)
{
    // A consumer writes for the event's JST only: row-level security refuses anything else.
    protected override JstScope ScopeOf(ApplicationAccepted message) => JstScope.Of([message.JstTerc]);

    protected override async Task HandleAsync(ApplicationAccepted message, DataSession session)
    {
        await session.ExecuteAsync("""
            INSERT INTO teams (application_id, round_id, round_name, jst_terc, jst_name, voivodeship_terc, accepted_at)
            VALUES (@ApplicationId, @RoundId, @RoundName, @JstTerc, @JstName, @VoivodeshipTerc, @AcceptedAt)
            ON CONFLICT (application_id) DO UPDATE SET round_name = excluded.round_name, jst_name = excluded.jst_name
            """, new
        {
            message.ApplicationId, message.RoundId, message.RoundName, message.JstTerc, message.JstName, message.VoivodeshipTerc,
            AcceptedAt = message.AcceptedAt.ToUniversalTime(),
        });
        foreach (var member in message.Team)
        {
            await TeamMembers.AddAsync(session, message.ApplicationId, message.JstTerc, member, message.AcceptedAt);
        }
    }
}

/// <summary>Someone joined an accepted team in another's place.</summary>
public sealed class TeamMemberJoinedConsumer(NpgsqlDataSource dataSource) : InboxConsumer<TeamMemberJoined>(dataSource)
{
    protected override JstScope ScopeOf(TeamMemberJoined message) => JstScope.Of([message.JstTerc]);

    protected override async Task HandleAsync(TeamMemberJoined message, DataSession session)
    {
        await TeamMembers.RequireTeamAsync(session, message.ApplicationId);
        await TeamMembers.AddAsync(session, message.ApplicationId, message.JstTerc, message.Member, message.JoinedAt);
    }
}

/// <summary>Someone left a team: they no longer book or see the JST's advisory; what they took part in stays.</summary>
public sealed class TeamMemberLeftConsumer(NpgsqlDataSource dataSource) : InboxConsumer<TeamMemberLeft>(dataSource)
{
    protected override JstScope ScopeOf(TeamMemberLeft message) => JstScope.Of([message.JstTerc]);

    protected override async Task HandleAsync(TeamMemberLeft message, DataSession session)
    {
        await TeamMembers.RequireTeamAsync(session, message.ApplicationId);
        await session.ExecuteAsync("UPDATE team_members SET left_at = @LeftAt WHERE id = @MemberId AND left_at IS NULL",
            new { LeftAt = message.LeftAt.ToUniversalTime(), message.MemberId });
    }
}

/// <summary>
/// A JST that had a place withdrew: its team leaves, and an open engagement ends early with the withdrawal as its
/// reason (<see cref="EndEngagement"/> announces it).
/// </summary>
public sealed class JstWithdrewConsumer(NpgsqlDataSource dataSource, IEngagementObserver observer, TimeProvider time)
    : InboxConsumer<JstWithdrew>(dataSource)
{
    protected override JstScope ScopeOf(JstWithdrew message) => JstScope.Of([message.JstTerc]);

    protected override async Task HandleAsync(JstWithdrew message, DataSession session)
    {
        if (!message.HadPlace)
        {
            return;
        }
        await TeamMembers.RequireTeamAsync(session, message.ApplicationId);
        var at = message.WithdrewAt.ToUniversalTime();
        await session.ExecuteAsync("""
            UPDATE teams SET withdrawn_at = @at WHERE application_id = @ApplicationId AND withdrawn_at IS NULL;
            UPDATE team_members SET left_at = @at WHERE application_id = @ApplicationId AND left_at IS NULL;
            """, new { at, message.ApplicationId });
        var open = await session.QuerySingleOrDefaultAsync<Guid?>(
            "SELECT id FROM engagements WHERE application_id = @ApplicationId AND ended_at IS NULL FOR UPDATE", new { message.ApplicationId });
        if (open is { } engagementId)
        {
            await EndEngagement.EndAsync(session, observer, engagementId, EngagementEnd.Early,
                Text.Pick("JST wycofała się z projektu.", "The JST withdrew from the project."), time.GetUtcNow(), endedBy: null);
        }
    }
}

/// <summary>
/// Erasure (RODO art. 17): the person's team rows, debate registrations and advisor record lose the name and the
/// address, and their calendar feeds stop; meetings and debates keep their counts.
/// </summary>
public sealed class PersonErasedConsumer(NpgsqlDataSource dataSource) : InboxConsumer<PersonErased>(dataSource)
{
    protected override Task HandleAsync(PersonErased message, DataSession session) => session.ExecuteAsync("""
        UPDATE meeting_participants SET full_name = @ErasedName
        WHERE member_id IN (SELECT id FROM team_members WHERE lower(email) = lower(@email));
        UPDATE team_members SET full_name = @ErasedName, email = 'usunieta-' || id || '@usunieto.invalid' WHERE lower(email) = lower(@email);
        UPDATE meetings SET booked_by_name = @ErasedName WHERE booked_by = @UserId;
        UPDATE dialogue_registrations SET full_name = @ErasedName, email = 'usunieta-' || id || '@usunieto.invalid' WHERE lower(email) = lower(@email);
        UPDATE advisors SET full_name = @ErasedName, email = 'usunieta-' || id || '@usunieto.invalid', online_link = NULL, address = NULL
        WHERE user_id = @UserId OR lower(email) = lower(@email);
        DELETE FROM calendar_feeds WHERE holder_user_id = @UserId OR holder_email = lower(@email);
        """, new { ErasedName = ErasedPerson.Name, email = message.Email?.Trim() ?? "", message.UserId });
}

/// <summary>A team-member event that overtook the acceptance of its team: retried until the team is known.</summary>
public sealed class TeamNotYetAcceptedException(Guid applicationId)
    : Exception($"Application {applicationId} is not known here yet; the event waits for its ApplicationAccepted.");
