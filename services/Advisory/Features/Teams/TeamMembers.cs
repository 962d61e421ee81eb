using Cro.Contracts;

namespace Cro.Advisory.Features.Teams;

/// <summary>The people of accepted teams, as the recruitment events carry them.</summary>
internal static class TeamMembers
{
    public static Task AddAsync(DataSession session, Guid applicationId, string jstTerc, TaskTeamMember member, DateTimeOffset joinedAt) =>
        session.ExecuteAsync("""
            INSERT INTO team_members (id, application_id, jst_terc, full_name, email, is_coordinator, joined_at)
            VALUES (@MemberId, @applicationId, @jstTerc, @FullName, @Email, @IsCoordinator, @joinedAt)
            ON CONFLICT (id) DO UPDATE SET full_name = excluded.full_name, email = excluded.email, is_coordinator = excluded.is_coordinator
            """, new { member.MemberId, applicationId, jstTerc, member.FullName, member.Email, member.IsCoordinator, joinedAt = joinedAt.ToUniversalTime() });

    public static async Task RequireTeamAsync(DataSession session, Guid applicationId)
    {
        if (!await session.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM teams WHERE application_id = @applicationId)", new { applicationId }))
        {
            throw new TeamNotYetAcceptedException(applicationId);
        }
    }
}
