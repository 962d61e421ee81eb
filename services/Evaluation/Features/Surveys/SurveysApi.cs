namespace Cro.Evaluation.Features.Surveys;

/// <summary>
/// Surveys after the points of the programme (a module completed, an advisory ended, a conference attended): issued and
/// mailed automatically from the events, reminded to those who have not answered, answered anonymously through a link,
/// and shown to ORE for groups large enough, beside the learning gain of the pre/post tests.
/// </summary>
public static class SurveysApi
{
    public static IServiceCollection AddSurveys(this IServiceCollection services)
    {
        services.AddSingleton<LinkTokens>();
        services.AddSingleton<SurveyIssuing>();
        services.AddSingleton<SurveyReminders>();
        services.AddHostedService(provider => provider.GetRequiredService<SurveyReminders>());
        return services;
    }

    public static IEndpointRouteBuilder MapSurveysApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/evaluation").WithTags("Ankiety: odpowiedzi / Surveys: answers").MapAnswerSurvey();
        var results = app.MapGroup("/api/evaluation").WithTags("Ankiety: wyniki / Surveys: results");
        results.MapSurveyTemplates();
        results.MapAddTemplateVersion();
        results.MapSurveyResults();
        results.MapModuleReport();
        return app;
    }
}
