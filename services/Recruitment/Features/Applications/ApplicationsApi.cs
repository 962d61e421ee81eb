namespace Cro.Recruitment.Features.Applications;

public static class ApplicationsApi
{
    public static IEndpointRouteBuilder MapApplicationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/recruitment").WithTags("Wnioski JST / JST applications");
        api.MapCheckJstCandidacy();
        api.MapStartApplication();
        api.MapUpdateDraft();
        api.MapSubmitApplication();
        api.MapGetApplication();
        return app;
    }
}
