using Cro.Monitoring.Features.Plans;

namespace Cro.Monitoring.Features.Reports;

/// <summary>
/// GET /api/monitoring/plans/{id}/timeline — the path from the diagnosis to results for one JST: the accepted diagnosis's
/// findings → the priorities resting on them → their goals and actions → each action's reported status, progress and money
/// spent per period → the goals' actual values per period. Every item carries the ids of those it links to in both
/// directions (a finding its priorities, a priority its findings, goals and actions, an action its priority and goals, a
/// goal its priority and actions), so the path is walked either way. Items are those of every adopted version (the latest
/// definition of each; inForce says whether the version in force still has it, so reports on an amended item stay on the
/// path), or of the version being written before the first adoption. Reported values are those of reports submitted at
/// least once (submitted, returned, accepted). The path ends in the good practices the catalogue published on the plan's
/// actions (each with the actions it carried out, and each action with its practices). For the JST's team, its advisor and ORE.
/// </summary>
public static class PlanTimeline
{
    /// <param name="VersionInForce">The adopted version in force; null before the first adoption.</param>
    /// <param name="Periods">Every reporting period, with its report's state.</param>
    [OpenApiSchemaName("PlanTimeline")]
    public sealed record Timeline(Guid PlanId, string JstTerc, string? JstName, Guid DiagnosisId, int? VersionInForce, IReadOnlyList<TimelinePeriod> Periods,
        IReadOnlyList<TimelineFinding> Findings, IReadOnlyList<TimelinePriority> Priorities, IReadOnlyList<TimelineAction> Actions,
        IReadOnlyList<TimelineGoal> Goals, IReadOnlyList<TimelinePractice> Practices);

    /// <param name="Status">The report's <see cref="ReportStatus"/>.</param>
    [OpenApiSchemaName("TimelinePeriod")]
    public sealed record TimelinePeriod(Guid ReportId, int Number, string Phase, DateOnly StartsOn, DateOnly EndsOn, DateOnly DueOn, string Status);

    /// <param name="Priority">The finding's priority in the diagnosis: high, medium, low.</param>
    [OpenApiSchemaName("TimelineFinding")]
    public sealed record TimelineFinding(Guid Id, string Title, string Priority, IReadOnlyList<Guid> PriorityIds);

    [OpenApiSchemaName("TimelinePriority")]
    public sealed record TimelinePriority(Guid Id, string Title, bool InForce, IReadOnlyList<Guid> FindingIds, IReadOnlyList<Guid> GoalIds,
        IReadOnlyList<Guid> ActionIds);

    [OpenApiSchemaName("TimelineAction")]
    public sealed record TimelineAction(Guid Id, string Title, bool InForce, Guid? PriorityId, IReadOnlyList<Guid> GoalIds, DateOnly? StartsOn,
        DateOnly? EndsOn, decimal? TotalBudget, IReadOnlyList<TimelineActionProgress> Reported, IReadOnlyList<Guid> PracticeIds);

    /// <summary>A good practice published in the catalogue that carried out actions of this plan.</summary>
    /// <param name="PageUrl">Its page in the public catalogue.</param>
    /// <param name="ActionIds">The plan's actions it carried out.</param>
    [OpenApiSchemaName("TimelinePractice")]
    public sealed record TimelinePractice(Guid Id, string Title, string? PageUrl, IReadOnlyList<Guid> ActionIds);

    /// <param name="ReportStatus">The report's state: submitted, returned, accepted.</param>
    /// <param name="Status">The action's <see cref="ActionStatus"/> in that report.</param>
    [OpenApiSchemaName("TimelineActionProgress")]
    public sealed record TimelineActionProgress(Guid ReportId, int Number, string ReportStatus, string Status, int? Progress, decimal? Spent);

    [OpenApiSchemaName("TimelineGoal")]
    public sealed record TimelineGoal(Guid Id, string Title, bool InForce, Guid? PriorityId, IReadOnlyList<Guid> ActionIds, string Indicator, string Unit,
        decimal? Baseline, decimal? Target, DateOnly? TargetDate, IReadOnlyList<TimelineGoalValue> Reported);

    /// <param name="ReportStatus">The report's state: submitted, returned, accepted.</param>
    [OpenApiSchemaName("TimelineGoalValue")]
    public sealed record TimelineGoalValue(Guid ReportId, int Number, string ReportStatus, decimal? Value);

    public static RouteHandlerBuilder MapPlanTimeline(this IEndpointRouteBuilder api) => api
        .MapGet("/plans/{id:guid}/timeline", HandleAsync)
        .WithName("GetPlanTimeline").WithSummary("Od diagnozy do rezultatów: ustalenia, priorytety, działania, sprawozdania, wskaźniki / From the diagnosis to results")
        .Produces<Timeline>().ProducesProblem(StatusCodes.Status404NotFound)
        .RequireAuthorization(Policies.AdvisoryParty);

    private sealed record Head(Guid Id, string JstTerc, string? JstName, Guid DiagnosisId);

    private sealed record Finding(Guid Id, string Title, string Priority);

    private static async Task<IResult> HandleAsync(Guid id, [RepeatableRead] DataSession session) =>
        await BuildAsync(session, id) is { } timeline ? TypedResults.Ok(timeline) : PlanVersionRow.NotFound();

    /// <summary>The plan's path as the session may see it; null when there is no such plan.</summary>
    public static async Task<Timeline?> BuildAsync(DataSession session, Guid id)
    {
        if (await session.QuerySingleOrDefaultAsync<Head>("""
                SELECT p.id, p.jst_terc, j.name AS jst_name, p.diagnosis_id FROM plans p LEFT JOIN jst j ON j.terc = p.jst_terc WHERE p.id = @id
                """, new { id }) is not { } head)
        {
            return null;
        }
        var versions = await PlanVersionRow.ListAsync(session, id);
        var adopted = versions.Where(v => v.AdoptedOn is not null).ToList();
        var inForce = adopted.Count > 0 ? adopted[^1] : null;
        // Every adopted version's items by id, the later definition over the earlier; before any adoption, the version being written.
        var contents = (adopted.Count > 0 ? adopted : [versions[^1]]).Select(v => v.Document).ToList();
        var current = (inForce ?? versions[^1]).Document.ItemIds().ToHashSet();
        var priorities = Latest(contents.SelectMany(c => c.Priorities ?? []), p => p.Id!.Value);
        var goals = Latest(contents.SelectMany(c => c.Goals ?? []), g => g.Id!.Value);
        var actions = Latest(contents.SelectMany(c => c.Actions ?? []), a => a.Id!.Value);

        var findings = await session.QueryAsync<Finding>(
            "SELECT id, title, priority FROM diagnosis_findings WHERE diagnosis_id = @DiagnosisId ORDER BY created_at, id", new { head.DiagnosisId });
        var reports = (await session.QueryAsync<ReportRow>(ReportRow.Select + " WHERE r.plan_id = @id ORDER BY r.number", new { id })).ToList();
        var reported = reports.Where(r => r.Status != ReportStatus.Draft).Select(r => (Row: r, Content: r.Document)).ToList();
        var practices = (await session.QueryAsync<(Guid Id, string Title, string? PageUrl, Guid[] ActionIds)>("""
            SELECT practice_id, coalesce(title, ''), page_url, plan_action_ids
            FROM published_practices WHERE published AND plan_id = @id ORDER BY first_published_at, practice_id
            """, new { id })).Select(p => new TimelinePractice(p.Id, p.Title, p.PageUrl, p.ActionIds)).ToList();

        return new Timeline(head.Id, head.JstTerc, head.JstName, head.DiagnosisId, inForce?.Number,
            [.. reports.Select(r => new TimelinePeriod(r.Id, r.Number, r.Phase, r.StartsOn, r.EndsOn, r.DueOn, r.Status))],
            [.. findings.Select(f => new TimelineFinding(f.Id, f.Title, f.Priority,
                [.. priorities.Where(p => (p.FindingIds ?? []).Contains(f.Id)).Select(p => p.Id!.Value)]))],
            [.. priorities.Select(p => new TimelinePriority(p.Id!.Value, p.Title, current.Contains(p.Id!.Value), p.FindingIds ?? [],
                [.. goals.Where(g => g.PriorityId == p.Id).Select(g => g.Id!.Value)],
                [.. actions.Where(a => a.PriorityId == p.Id).Select(a => a.Id!.Value)]))],
            [.. actions.Select(a => new TimelineAction(a.Id!.Value, a.Title, current.Contains(a.Id!.Value), a.PriorityId, a.GoalIds ?? [], a.StartsOn, a.EndsOn,
                a.TotalBudget,
                [.. reported.SelectMany(r => (r.Content.Actions ?? []).Where(e => e.ActionId == a.Id)
                    .Select(e => new TimelineActionProgress(r.Row.Id, r.Row.Number, r.Row.Status, e.Status, e.Progress, e.Spent)))],
                [.. practices.Where(p => p.ActionIds.Contains(a.Id!.Value)).Select(p => p.Id)]))],
            [.. goals.Select(g => new TimelineGoal(g.Id!.Value, g.Title, current.Contains(g.Id!.Value), g.PriorityId,
                [.. actions.Where(a => (a.GoalIds ?? []).Contains(g.Id!.Value)).Select(a => a.Id!.Value)], g.Indicator, g.Unit, g.Baseline, g.Target,
                g.TargetDate,
                [.. reported.SelectMany(r => (r.Content.Goals ?? []).Where(e => e.GoalId == g.Id)
                    .Select(e => new TimelineGoalValue(r.Row.Id, r.Row.Number, r.Row.Status, e.Value)))]))],
            practices);
    }

    /// <summary>Items by id in the order first seen, each as its last definition has it.</summary>
    private static List<T> Latest<T>(IEnumerable<T> items, Func<T, Guid> id)
    {
        var byId = new Dictionary<Guid, T>();
        var order = new List<Guid>();
        foreach (var item in items)
        {
            if (!byId.ContainsKey(id(item)))
            {
                order.Add(id(item));
            }
            byId[id(item)] = item;
        }
        return [.. order.Select(i => byId[i])];
    }
}
