namespace Cro.Advisory.Features.Availability;

public static class AvailabilityApi
{
    public static IEndpointRouteBuilder MapAvailabilityApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/advisory").WithTags("Dostępność doradców / Advisors' availability");
        api.MapSetAvailability();
        api.MapAvailabilityExceptions();
        return app;
    }
}
