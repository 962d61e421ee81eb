namespace Cro.Evaluation.Features.Surveys;

/// <summary>
/// GET /api/evaluation/surveys/reports/modules/{code}?cohortId= — one report of a module (or of one cohort's module): the
/// survey results beside the learning gain from the pre/post tests (the standing CompetenceValidated of each participant).
/// Both follow the minimum group rule: below it, no figures. The two are never joined person by person — the answers name no one.
/// </summary>
public static class ModuleReport
{
    /// <param name="Participants">People with a standing post-test result in the module (or the cohort's module).</param>
    /// <param name="PreTestTaken">Of them, how many took the pre-test; the mean pre-test score and the mean gain count only these.</param>
    /// <param name="MeanPreTest">Per cent.</param>
    /// <param name="MeanPostTest">Per cent, over every participant.</param>
    /// <param name="MeanGain">Percentage points: post-test minus pre-test, over those who took the pre-test.</param>
    /// <param name="ShareRaised">Per cent of the participants whose competence was raised (validated, post-test above pre-test).</param>
    [OpenApiSchemaName("SurveyLearningGain")]
    public sealed record LearningGain(int Participants, bool Enough, int? PreTestTaken, decimal? MeanPreTest, decimal? MeanPostTest, decimal? MeanGain,
        decimal? ShareRaised);

    [OpenApiSchemaName("SurveyModuleReport")]
    public sealed record Report(string ModuleCode, string ModuleTitle, Guid? CohortId, string? CohortName, GroupResult Survey, LearningGain Learning);

    public static IEndpointRouteBuilder MapModuleReport(this IEndpointRouteBuilder api)
    {
        api.MapGet("/surveys/reports/modules/{code}", HandleAsync)
            .WithName("GetSurveyModuleReport").WithSummary("Raport modułu: ankiety i przyrost wiedzy / A module's report: surveys and learning gain")
            .Produces<Report>().ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Operator);
        return api;
    }

    private static async Task<IResult> HandleAsync(string code, DataSession session, Guid? cohortId = null)
    {
        var title = await session.ExecuteScalarAsync<string?>("SELECT title FROM survey_modules WHERE code = @code", new { code });
        var known = title is not null || await session.ExecuteScalarAsync<bool>("""
            SELECT EXISTS (SELECT 1 FROM survey_answers WHERE module_code = @code) OR EXISTS (SELECT 1 FROM survey_competence_results WHERE module_code = @code)
            """, new { code });
        string? cohortName = null;
        if (cohortId is { } cohort && (cohortName = await session.ExecuteScalarAsync<string?>("SELECT name FROM survey_cohorts WHERE id = @cohort", new { cohort })) is null)
        {
            known = false;
        }
        if (!known)
        {
            return ProblemDetailsDefaults.NotFound("Nie ma takiego modułu lub grupy szkoleniowej.", "There is no such module or cohort.");
        }
        var threshold = (await SurveySettings.ReadAsync(session)).MinGroupSize;
        const string Where = "a.module_code = @code AND (@cohortId::uuid IS NULL OR a.cohort_id = @cohortId::uuid)";
        var parameters = new { code, cohortId };
        var (answers, questions) = await SurveyGroups.AggregateAsync(session, Where, parameters, threshold);
        var label = $"{code}{(title is null ? "" : ": " + title)}{(cohortName is null ? "" : $" — {cohortName}")}";
        var survey = new GroupResult(cohortId is null ? SurveyGroups.Module : SurveyGroups.Cohort, cohortId?.ToString() ?? code, label, answers, threshold,
            answers >= threshold && answers > 0, questions);

        var tests = await session.QuerySingleAsync<(int Participants, int PreTaken, decimal? MeanPre, decimal? MeanPost, decimal? MeanGain, decimal? ShareRaised)>("""
            SELECT count(*)::int, count(*) FILTER (WHERE pre_test_taken)::int,
                   round(avg(pre_test_score) FILTER (WHERE pre_test_taken), 1), round(avg(post_test_score), 1),
                   round(avg(post_test_score - pre_test_score) FILTER (WHERE pre_test_taken), 1),
                   round(100.0 * count(*) FILTER (WHERE raised) / nullif(count(*), 0), 1)
            FROM survey_competence_results a
            WHERE a.module_code = @code AND (@cohortId::uuid IS NULL OR a.cohort_id = @cohortId::uuid)
            """, parameters);
        var enough = tests.Participants >= threshold && tests.Participants > 0;
        var learning = enough
            ? new LearningGain(tests.Participants, true, tests.PreTaken, tests.MeanPre, tests.MeanPost, tests.MeanGain, tests.ShareRaised)
            : new LearningGain(tests.Participants, false, null, null, null, null, null);
        return TypedResults.Ok(new Report(code, title ?? code, cohortId, cohortName, survey, learning));
    }
}
