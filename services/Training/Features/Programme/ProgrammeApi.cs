namespace Cro.Training.Features.Programme;

public static class ProgrammeApi
{
    public static IEndpointRouteBuilder MapProgrammeApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/training").WithTags("Program / Programme");
        api.MapGetProgramme();
        api.MapChangeProgramme();
        return app;
    }
}
