namespace Cro.Training.Features.Progress;

public static class ProgressApi
{
    public static IEndpointRouteBuilder MapProgressApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/training").WithTags("Wyniki i ukończenie / Results and completion");
        api.MapResults();
        api.MapLearningGain();
        return app;
    }
}
