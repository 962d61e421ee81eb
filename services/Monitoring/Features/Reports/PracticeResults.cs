using Cro.Monitoring.Features.Plans;

namespace Cro.Monitoring.Features.Reports;

/// <summary>
/// GET /api/monitoring/public/practices/{id}/results — for anyone reading a published good practice: the actions of the
/// JST's adopted plan it carried out, each with what the JST reported of it (status, progress, money spent per period, from
/// reports submitted at least once), and the goals those actions serve with their reported values: the practice's effects
/// as the plan's monitoring shows them. A 404 unless the practice is published, names actions of its plan, and the plan is
/// adopted (an adopted plan is a public council resolution; a draft is not).
/// </summary>
public static class PracticeResults
{
    /// <param name="Actions">The practice's actions as the plan's path has them (the same view as <see cref="PlanTimeline"/>).</param>
    /// <param name="Goals">The goals those actions serve.</param>
    /// <param name="Periods">The plan's reporting periods (for the reported entries' numbers).</param>
    [OpenApiSchemaName("PracticeResults")]
    public sealed record Results(Guid PracticeId, Guid PlanId, string JstTerc, string? JstName, int VersionInForce,
        IReadOnlyList<PlanTimeline.TimelinePeriod> Periods, IReadOnlyList<PlanTimeline.TimelineAction> Actions, IReadOnlyList<PlanTimeline.TimelineGoal> Goals);

    public static RouteHandlerBuilder MapPracticeResults(this IEndpointRouteBuilder api) => api
        .MapGet("/public/practices/{id:guid}/results", HandleAsync)
        .WithName("GetPracticeResults").WithSummary("Działania planu JST, które zrealizowała dobra praktyka, i ich rezultaty / The plan's actions a good practice carried out, and their results")
        .Produces<Results>().ProducesProblem(StatusCodes.Status404NotFound)
        .AllowAnonymous();

    private static async Task<IResult> HandleAsync(Guid id, NpgsqlDataSource db, CancellationToken ct)
    {
        // The catalogue's record is public; the plan is read within its JST's scope.
        await using var session = await DataSession.OpenAsync(db, async (transaction, ct) =>
        {
            await using var lookup = new NpgsqlCommand("SELECT jst_terc FROM published_practices WHERE practice_id = @id AND published", transaction.Connection, transaction);
            lookup.Parameters.AddWithValue("id", id);
            return await lookup.ExecuteScalarAsync(ct) is string terc ? JstScope.Of([terc]) : JstScope.None;
        }, ct, System.Data.IsolationLevel.RepeatableRead);
        var practice = await session.QuerySingleOrDefaultAsync<(string JstTerc, Guid? PlanId, Guid[] PlanActionIds)?>(
            "SELECT jst_terc, plan_id, plan_action_ids FROM published_practices WHERE practice_id = @id AND published", new { id });
        if (practice is not { PlanId: { } planId } || practice.Value.PlanActionIds.Length == 0
            || await PlanTimeline.BuildAsync(session, planId) is not { VersionInForce: { } version } timeline || timeline.JstTerc != practice.Value.JstTerc)
        {
            return ProblemDetailsDefaults.NotFound("Praktyka nie wskazuje działań przyjętego planu JST.", "The practice names no actions of the JST's adopted plan.");
        }
        var actions = timeline.Actions.Where(a => practice.Value.PlanActionIds.Contains(a.Id)).ToList();
        var goalIds = actions.SelectMany(a => a.GoalIds).ToHashSet();
        return TypedResults.Ok(new Results(id, planId, timeline.JstTerc, timeline.JstName, version, timeline.Periods, actions,
            [.. timeline.Goals.Where(g => goalIds.Contains(g.Id))]));
    }
}
