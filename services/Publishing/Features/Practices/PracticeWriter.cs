using System.Security.Claims;

namespace Cro.Publishing.Features.Practices;

/// <summary>
/// Who writes a practice: a member of the JST's task team (their token's JST; they change any practice of that JST), or
/// the partner association's API client (its client id; it changes only the practices it wrote, across the JST it writes
/// for). An operator calling the partner's operations writes as a client named by their person id. A client limited to a set
/// of JST (its partner's members, client_jst claims) writes for those only: its session sees no other JST's practices.
/// </summary>
public sealed record PracticeWriter(Guid? UserId, string? ClientId, string? JstTerc, string? Name, string? Email,
    IReadOnlySet<string>? ClientJst = null)
{
    public bool IsPartner => ClientId is not null;

    public static PracticeWriter Team(ClaimsPrincipal user) =>
        new(user.PersonId(), null, user.JstTerc(), user.FindFirstValue(CroClaims.Name), user.FindFirstValue(CroClaims.Email));

    public static PracticeWriter Partner(ClaimsPrincipal user) =>
        new(user.PersonId(), user.FindFirstValue(CroClaims.Subject) ?? "unknown", null, user.FindFirstValue(CroClaims.Name), null, user.ClientJstLimit());

    /// <summary>
    /// Opens the writer's view of the practices: a partner's session sees every JST (the client writes for any member JST),
    /// or, for a client limited to a set of JST, those JST only (a practice of a JST taken off its limit since is then not
    /// found); its queries name the client. A team's stays within its JST.
    /// </summary>
    public async Task OpenAsync(DataSession session)
    {
        if (IsPartner)
        {
            // A malformed claim (identity writes TERC codes only) widens nothing: it is left out.
            await session.ChangeScopeAsync(ClientJst is { } limit ? JstScope.Of(limit.Where(t => t.Length > 0 && t.All(char.IsAsciiDigit))) : JstScope.All);
        }
    }

    /// <summary>Whether this writer may write for <paramref name="terc"/>: a team for its JST is checked elsewhere; a limited client for its JST only.</summary>
    public bool MayWriteFor(string terc) => ClientJst is not { } limit || limit.Contains(terc);

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
