namespace Cro.Monitoring.Features.PlansOversight;

/// <summary>
/// ORE's oversight of every JST's plan and its implementation (and the partners' aggregates): the overview, ORE's conclusions
/// per period and the ministry's report. An area of its own because it reads both the plans and their reports.
/// </summary>
public static class PlansOversightApi
{
    public static IEndpointRouteBuilder MapPlansOversightApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/monitoring").WithTags("Przegląd planów i ich realizacji / Plans and implementation overview");
        api.MapPlansOverview();
        api.MapPlanConclusions();
        api.MapMinistryReport();
        return app;
    }
}
