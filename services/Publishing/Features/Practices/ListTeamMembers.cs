namespace Cro.Publishing.Features.Practices;

/// <summary>
/// GET /api/publishing/team-members — the current members of the caller's JST task team, as this service knows them: whom
/// the practice form offers as co-authors (the same list a save checks them against). Names only; the addresses stay here.
/// </summary>
public static class ListTeamMembers
{
    [OpenApiSchemaName("PracticeTeamMember")]
    public sealed record TeamMember(Guid MemberId, string FullName);

    public static RouteHandlerBuilder MapListTeamMembers(this IEndpointRouteBuilder api) => api
        .MapGet("/team-members", async (HttpContext context, [RepeatableRead] DataSession session) =>
            context.User.JstTerc() is { } terc && session.Scope.CanSee(terc)
                ? Results.Ok((await Registry.TeamMembers.OfJstAsync(session, terc)).Select(m => new TeamMember(m.MemberId, m.FullName)).ToList())
                : Problems.Forbidden("Konto nie jest przypisane do JST.", "The account is not assigned to a JST."))
        .WithName("ListPracticeTeamMembers").WithSummary("Zespół zadaniowy JST: możliwi współautorzy praktyki / The JST's task team: possible co-authors")
        .Produces<List<TeamMember>>().ProducesProblem(StatusCodes.Status403Forbidden)
        .RequireAuthorization(Policies.JstTeam);
}
