namespace Cro.Monitoring.Features.Plans;

/// <summary>The JST's local strategic plan: its versions and content, the advisor's comments, adoption and amendments.</summary>
public static class PlansApi
{
    public static IEndpointRouteBuilder MapPlansApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/monitoring").WithTags("Plan strategiczny / Strategic plan");
        api.MapStartPlan();
        api.MapGetPlan();
        api.MapSavePlanContent();
        api.MapPlanComments();
        api.MapAdoptPlan();
        api.MapAmendPlan();
        return app;
    }
}
