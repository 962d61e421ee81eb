using System.Text.Json;
using Cro.Training.Features.Teams;
using Cro.Training.Features.Validation;
using Dapper;

namespace Cro.Training.Features.Progress;

/// <summary>
/// GET /api/training/cohorts/{id}/learning-gain — what a cohort learned, for its trainers and operators: per
/// module the average pre-test and post-test score of its participants (the best post-test of each), and per
/// learning outcome the share of points scored on its questions before and after (pooled over participants).
/// Gain is post minus pre in percentage points, when both are there.
/// </summary>
public static class LearningGain
{
    [OpenApiSchemaName("LearningGainReport")]
    public sealed record Report(Guid CohortId, string CohortName, int ProgrammeVersion, IReadOnlyList<ModuleGain> Modules);

    public sealed record ModuleGain(string ModuleCode, string Title, int PreTests, decimal? PreAverage, int PostTests, decimal? PostAverage, decimal? Gain,
        IReadOnlyList<OutcomeGain> Outcomes);

    public sealed record OutcomeGain(string OutcomeCode, string Category, string Description, decimal? Pre, decimal? Post, decimal? Gain);

    private sealed record FinishedAttempt(Guid ParticipantId, string ModuleCode, string Kind, int Number, int Points, int MaxPoints, string OutcomePoints);

    private sealed record OutcomeRow(string ModuleCode, string Code, string Category, string Description);

    public static RouteHandlerBuilder MapLearningGain(this IEndpointRouteBuilder api) => api
        .MapGet("/cohorts/{id:guid}/learning-gain", HandleAsync)
        .WithName("LearningGain")
        .WithSummary("Przyrost wiedzy grupy (pre-test a post-test) / A cohort's learning gain (pre-test vs post-test)")
        .Produces<Report>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .RequireAuthorization(Policies.TrainerOrOperator);

    private static async Task<IResult> HandleAsync(Guid id, HttpContext context, [RepeatableRead] DataSession session)
    {
        if (await TrainingResults.OpenCohortAsync(session, context, id) is not { } rules)
        {
            return CohortAccess.NotFound();
        }
        var attempts = (await session.QueryAsync<FinishedAttempt>("""
            SELECT participant_id, module_code, kind, number, points, max_points, outcome_points::text AS outcome_points FROM attempts
            WHERE cohort_id = @id AND finished_at IS NOT NULL
            """, new { id })).AsList();
        var outcomes = (await session.QueryAsync<OutcomeRow>(
            "SELECT module_code, code, category, description FROM learning_outcomes WHERE version = @ProgrammeVersion ORDER BY module_code, ordinal",
            new { rules.ProgrammeVersion })).ToLookup(o => o.ModuleCode);
        var modules = rules.Modules.Select(module =>
        {
            var ofModule = attempts.Where(a => a.ModuleCode == module.Code).ToList();
            var pre = ofModule.Where(a => a.Kind == TestKind.Pre).ToList();
            // Each participant's best post-test, the later one of equal scores.
            var post = ofModule.Where(a => a.Kind == TestKind.Post).GroupBy(a => a.ParticipantId)
                .Select(g => g.OrderByDescending(a => AttemptScoring.Ratio(a.Points, a.MaxPoints)).ThenByDescending(a => a.Number).First()).ToList();
            var preAverage = Average(pre);
            var postAverage = Average(post);
            var preByOutcome = Pool(pre);
            var postByOutcome = Pool(post);
            return new ModuleGain(module.Code, module.Title, pre.Count, preAverage, post.Count, postAverage, Difference(preAverage, postAverage),
            [
                .. outcomes[module.Code].Select(o =>
                {
                    var before = preByOutcome.GetValueOrDefault(o.Code);
                    var after = postByOutcome.GetValueOrDefault(o.Code);
                    return new OutcomeGain(o.Code, o.Category, o.Description, before, after, Difference(before, after));
                }),
            ]);
        }).ToList();
        return TypedResults.Ok(new Report(rules.CohortId, rules.CohortName, rules.ProgrammeVersion, modules));
    }

    private static decimal? Average(IReadOnlyList<FinishedAttempt> attempts) =>
        attempts.Count == 0 ? null : Round(attempts.Average(a => AttemptScoring.Ratio(a.Points, a.MaxPoints)));

    /// <summary>Per learning outcome: points scored on its questions over the points there were, per cent.</summary>
    private static Dictionary<string, decimal?> Pool(IEnumerable<FinishedAttempt> attempts) => attempts
        .SelectMany(a => JsonSerializer.Deserialize<Dictionary<string, AttemptScoring.OutcomePoints>>(a.OutcomePoints, Json)!)
        .GroupBy(o => o.Key)
        .ToDictionary(g => g.Key, g => (decimal?)Round(AttemptScoring.Ratio(g.Sum(o => o.Value.Points), g.Sum(o => o.Value.MaxPoints))));

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static decimal? Difference(decimal? before, decimal? after) => before is { } b && after is { } a ? a - b : null;

    private static decimal Round(decimal percent) => Math.Round(percent, 2, MidpointRounding.AwayFromZero);
}
