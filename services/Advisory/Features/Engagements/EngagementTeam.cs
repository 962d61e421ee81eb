namespace Cro.Advisory.Features.Engagements;

/// <summary>
/// GET /api/advisory/engagements/{id}/team — the people of the engagement's JST team now (as recruitment announced them,
/// without those who left), so the advisor can mark who was at a meeting by id rather than retype names. Names only:
/// the team's addresses stay with recruitment and identity. A JST out of the caller's scope is 404.
/// </summary>
public static class EngagementTeam
{
    public sealed record AdvisedTeamMember(Guid Id, string FullName, bool IsCoordinator);

    public static IEndpointRouteBuilder MapEngagementTeam(this IEndpointRouteBuilder api)
    {
        api.MapGet("/engagements/{id:guid}/team", ListAsync)
            .WithName("EngagementTeam").WithSummary("Zespół zadaniowy JST doradztwa / The task team of the advised JST")
            .Produces<IReadOnlyList<AdvisedTeamMember>>().ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.AdvisoryParty);
        return api;
    }

    private static async Task<IResult> ListAsync(Guid id, DataSession session)
    {
        var applicationId = await session.QuerySingleOrDefaultAsync<Guid?>("SELECT application_id FROM engagements WHERE id = @id", new { id });
        if (applicationId is null)
        {
            return HandOver.NotFound();
        }
        var members = await session.QueryAsync<AdvisedTeamMember>("""
            SELECT id, full_name, is_coordinator FROM team_members
            WHERE application_id = @applicationId AND left_at IS NULL
            ORDER BY is_coordinator DESC, full_name, id
            """, new { applicationId });
        return TypedResults.Ok(members.ToList());
    }
}
