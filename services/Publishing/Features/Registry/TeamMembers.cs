namespace Cro.Publishing.Features.Registry;

/// <summary>The people of a JST's task team, as the practices name them.</summary>
public static class TeamMembers
{
    /// <param name="MemberId">Recruitment's id of the person in the team.</param>
    public sealed record Member(Guid MemberId, string JstTerc, string FullName, string Email);

    /// <summary>Records a member (again, after a redelivery, or when recruitment corrects their name or address).</summary>
    public static Task JoinAsync(DataSession session, Guid applicationId, string terc, TaskTeamMember member, DateTimeOffset joinedAt) =>
        session.ExecuteAsync("""
            INSERT INTO team_members (member_id, application_id, jst_terc, full_name, email, is_coordinator, joined_at)
            VALUES (@MemberId, @applicationId, @terc, @FullName, @Email, @IsCoordinator, @joinedAt)
            ON CONFLICT (member_id) DO UPDATE SET full_name = excluded.full_name, email = excluded.email, is_coordinator = excluded.is_coordinator
            """, new { member.MemberId, applicationId, terc, member.FullName, member.Email, member.IsCoordinator, joinedAt = joinedAt.ToUniversalTime() });

    /// <summary>The JST's current members among <paramref name="memberIds"/>.</summary>
    public static async Task<IReadOnlyDictionary<Guid, Member>> CurrentAsync(DataSession session, string terc, IEnumerable<Guid> memberIds) =>
        (await session.QueryAsync<Member>("""
            SELECT member_id, jst_terc, full_name, email FROM team_members
            WHERE jst_terc = @terc AND member_id = ANY (@ids) AND left_at IS NULL
            """, new { terc, ids = memberIds.Distinct().ToArray() })).ToDictionary(m => m.MemberId);

    /// <summary>Every current member of the JST's team.</summary>
    public static async Task<IReadOnlyList<Member>> OfJstAsync(DataSession session, string terc) =>
        [.. await session.QueryAsync<Member>("""
            SELECT member_id, jst_terc, full_name, email FROM team_members WHERE jst_terc = @terc AND left_at IS NULL ORDER BY full_name, member_id
            """, new { terc })];

    /// <summary>The JST's member with this address (a signed-in person as their team knows them), if any.</summary>
    public static Task<Member?> ByEmailAsync(DataSession session, string terc, string? email) => string.IsNullOrWhiteSpace(email)
        ? Task.FromResult<Member?>(null)
        : session.QueryFirstOrDefaultAsync<Member>("""
            SELECT member_id, jst_terc, full_name, email FROM team_members
            WHERE jst_terc = @terc AND lower(email) = lower(@email) ORDER BY left_at NULLS FIRST LIMIT 1
            """, new { terc, email = email.Trim() });
}
