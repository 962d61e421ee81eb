namespace Cro.Recruitment.Features.Registry;

public static class RegistryApi
{
    public static IEndpointRouteBuilder MapRegistryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/recruitment").WithTags("Rejestr JST / JST registry");
        api.MapSearchJst();
        api.MapGetJst();
        return app;
    }
}
