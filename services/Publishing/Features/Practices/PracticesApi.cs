using Microsoft.Extensions.Options;

namespace Cro.Publishing.Features.Practices;

/// <summary>
/// Good practices as the JST's task team writes them (with files), the review by the JST's advisor and ORE's editor, and
/// publication in the catalogue.
/// </summary>
public static class PracticesApi
{
    public static IServiceCollection AddPractices(this IServiceCollection services)
    {
        services.AddOptions<PracticeFileOptions>().BindConfiguration("Publishing:Files");
        services.AddSingleton<PracticeNotices>();
        return services;
    }

    public static IEndpointRouteBuilder MapPracticesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/publishing").WithTags("Dobre praktyki: opracowanie i ocena / Good practices: writing and review");
        api.MapStartPractice();
        api.MapListPractices();
        api.MapListTeamMembers();
        api.MapGetPractice();
        api.MapSavePractice();
        api.MapPracticeFiles(app.ServiceProvider.GetRequiredService<IOptions<PracticeFileOptions>>().Value);
        api.MapSubmitPractice();
        api.MapReviewPractice();
        api.MapPublishPractice();
        return app;
    }
}
