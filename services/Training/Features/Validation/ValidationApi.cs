namespace Cro.Training.Features.Validation;

public static class ValidationApi
{
    public static IEndpointRouteBuilder MapValidationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/training").WithTags("Walidacja (pre-test, post-test) / Validation (pre-test, post-test)");
        api.MapQuestionBank();
        api.MapTestReadiness();
        api.MapStartAttempt();
        api.MapSaveAnswer();
        api.MapFinishAttempt();
        return app;
    }
}
