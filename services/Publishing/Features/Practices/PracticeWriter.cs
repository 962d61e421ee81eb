using System.Security.Claims;

namespace Cro.Publishing.Features.Practices;

/// <summary>
/// Who writes a practice: a member of the JST's task team (their token's JST; they change any practice of that JST), or
/// the partner association's API client (its client id; it changes only the practices it wrote, across the JST it writes
/// for). An operator calling the partner's operations writes as a client named by their person id.
/// </summary>
public sealed record PracticeWriter(Guid? UserId, string? ClientId, string? JstTerc, string? Name, string? Email)
{
    public bool IsPartner => ClientId is not null;

    public static PracticeWriter Team(ClaimsPrincipal user) =>
        new(user.PersonId(), null, user.JstTerc(), user.FindFirstValue(CroClaims.Name), user.FindFirstValue(CroClaims.Email));

    public static PracticeWriter Partner(ClaimsPrincipal user) =>
        new(user.PersonId(), user.FindFirstValue(CroClaims.Subject) ?? "unknown", null, user.FindFirstValue(CroClaims.Name), null);

    /// <summary>
    /// Opens the writer's view of the practices: a partner's session sees every JST (the client writes for any member JST),
    /// and its queries name the client; a team's stays within its JST.
    /// </summary>
    public async Task OpenAsync(DataSession session)
    {
        if (IsPartner)
        {
            await session.ChangeScopeAsync(JstScope.All);
        }
    }

    /// <summary>The practice this writer may change, locked; null when it is not theirs (a 404).</summary>
    public async Task<PracticeRow?> FindForChangeAsync(DataSession session, Guid id)
    {
        await OpenAsync(session);
        return await session.QuerySingleOrDefaultAsync<PracticeRow>(PracticeRow.Select + """
             WHERE p.id = @id AND (CASE WHEN @client::text IS NULL THEN p.jst_terc = @terc ELSE p.created_by_client = @client END)
            FOR UPDATE OF p
            """, new { id, client = ClientId, terc = JstTerc ?? "" });
    }

    /// <summary>The lead author a team member becomes by starting a practice: as their team knows them, else as their token names them.</summary>
    public async Task<PracticeAuthor?> LeadAsync(DataSession session, string terc)
    {
        if (IsPartner)
        {
            return null;
        }
        var member = await Registry.TeamMembers.ByEmailAsync(session, terc, Email);
        return new PracticeAuthor(member?.MemberId, UserId, member?.FullName ?? Name ?? Email ?? "—", member?.Email ?? Email, Lead: true);
    }
}
