namespace Cro.Advisory.Features.Advisors;

public static class AdvisorsApi
{
    public static IEndpointRouteBuilder MapAdvisorsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/advisory").WithTags("Doradcy / Advisors");
        api.MapRegisterAdvisor();
        api.MapListAdvisors();
        return app;
    }
}
