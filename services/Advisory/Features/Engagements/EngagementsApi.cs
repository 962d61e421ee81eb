namespace Cro.Advisory.Features.Engagements;

public static class EngagementsApi
{
    public static IEndpointRouteBuilder MapEngagementsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/advisory").WithTags("Doradztwo / Advisory engagements");
        api.MapRoundBudget();
        api.MapSuggestAssignments();
        api.MapAssignAdvisor();
        api.MapHandOver();
        api.MapEndEngagement();
        api.MapListEngagements();
        api.MapEngagementTeam();
        return app;
    }
}
