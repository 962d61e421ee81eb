namespace Cro.Evaluation.Features.Surveys;

/// <summary>GET /api/evaluation/surveys/templates — ORE reads the survey templates, every version (a new version is a new row).</summary>
public static class SurveyTemplates
{
    [OpenApiSchemaName("SurveyTemplate")]
    public sealed record TemplateView(Guid Id, string Code, int Version, string Occasion, string Title, string Intro, IReadOnlyList<Question> Questions,
        DateTimeOffset CreatedAt);

    public static IEndpointRouteBuilder MapSurveyTemplates(this IEndpointRouteBuilder api)
    {
        api.MapGet("/surveys/templates", async (DataSession session) => TypedResults.Ok(
                (await session.QueryAsync<TemplateRow>(TemplateRow.Select + " ORDER BY occasion, code, version DESC"))
                .Select(t => new TemplateView(t.Id, t.Code, t.Version, t.Occasion, t.Title, t.Intro, t.QuestionList, t.CreatedAt)).ToList()))
            .WithName("ListSurveyTemplates").WithSummary("Szablony ankiet / Survey templates")
            .Produces<List<TemplateView>>()
            .RequireAuthorization(Policies.Operator);
        return api;
    }
}
