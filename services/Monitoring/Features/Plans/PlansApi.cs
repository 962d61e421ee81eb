using Microsoft.Extensions.Options;

namespace Cro.Monitoring.Features.Plans;

/// <summary>The JST's local strategic plan: its versions and content, the advisor's comments, adoption with the council's resolution, and amendments.</summary>
public static class PlansApi
{
    public static IServiceCollection AddPlans(this IServiceCollection services)
    {
        services.AddOptions<PlanOptions>().BindConfiguration("Monitoring:Plans");
        return services;
    }

    public static IEndpointRouteBuilder MapPlansApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/monitoring").WithTags("Plan strategiczny / Strategic plan");
        api.MapStartPlan();
        api.MapGetPlan();
        api.MapSavePlanContent();
        api.MapPlanComments();
        api.MapAdoptPlan();
        api.MapPlanResolution(app.ServiceProvider.GetRequiredService<IOptions<PlanOptions>>().Value.MaxResolutionBytes);
        api.MapAmendPlan();
        return app;
    }
}
