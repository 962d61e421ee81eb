namespace Cro.Training.Features.Progress;

public static class ProgressApi
{
    public static IEndpointRouteBuilder MapProgressApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/training").WithTags("Wyniki i ukończenie / Results and completion");
        api.MapResults();
        api.MapLearningGain();
        api.MapPartnerJstProgress();
        return app;
    }
}

public static class ProgressServices
{
    /// <summary>Completion kept in step with attendance and post-tests: what <see cref="ProgressLog"/> does when they change.</summary>
    public static IServiceCollection AddProgress(this IServiceCollection services) => services
        .AddSingleton<ProgressLog>()
        .AddSingleton<Attendance.IPresenceObserver>(provider => provider.GetRequiredService<ProgressLog>())
        .AddSingleton<Validation.IPostTestObserver>(provider => provider.GetRequiredService<ProgressLog>());
}
