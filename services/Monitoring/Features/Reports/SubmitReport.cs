using Cro.Monitoring.Features.Plans;

namespace Cro.Monitoring.Features.Reports;

/// <summary>
/// POST /api/monitoring/reports/{id}/submit — the JST's team submits its report to review (its advisor's during the
/// project, ORE's after it): a draft, or again after a return. It is submitted from the period's last day on, and covers
/// every action and gives a value for every goal of the plan's version in force at the period's end; a 409 names what is
/// missing (and entries the plan's version no longer has, after an amendment). Announced as ReportSubmitted; a report
/// submitted after its due moment is marked late there, and stops being overdue.
/// </summary>
public static class SubmitReport
{
    public static RouteHandlerBuilder MapSubmitReport(this IEndpointRouteBuilder api) => api
        .MapPost("/reports/{id:guid}/submit", HandleAsync)
        .WithName("SubmitReport").WithSummary("Prześlij sprawozdanie do oceny / Submit the report to review")
        .Produces<ReportView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
        .RequireAuthorization(Policies.JstTeam);

    private static async Task<IResult> HandleAsync(Guid id, HttpContext context, DataSession session, TimeProvider time)
    {
        if (await ReportRow.ForTeamAsync(session, context.User, id) is not { } report)
        {
            return ReportRow.NotFound();
        }
        if (!ReportStatus.IsEditable(report.Status))
        {
            return ReportStatus.WrongState(report.Status, "przesyła się sprawozdanie w przygotowaniu albo zwrócone do poprawy.",
                "a report is submitted while it is a draft or returned for changes.");
        }
        var now = time.GetUtcNow();
        if (ReportingSchedule.WarsawDay(now) < report.EndsOn)
        {
            return Problems.Conflict("Okres sprawozdawczy jeszcze trwa.", "The reporting period has not ended.",
                $"Okres trwa do {report.EndsOn:yyyy-MM-dd}; sprawozdanie przesyła się od ostatniego dnia okresu.",
                $"The period runs until {report.EndsOn:yyyy-MM-dd}; the report is submitted from the period's last day on.");
        }
        var version = await ReportView.ReportedVersionAsync(session, report);
        var plan = version?.Document ?? PlanContent.Empty;
        var content = report.Document;
        var reportedActions = (content.Actions ?? []).Select(a => a.ActionId).ToHashSet();
        var valuedGoals = (content.Goals ?? []).Where(g => g.Value is not null).Select(g => g.GoalId).ToHashSet();
        var missingActions = (plan.Actions ?? []).Where(a => !reportedActions.Contains(a.Id!.Value)).ToList();
        var missingGoals = (plan.Goals ?? []).Where(g => !valuedGoals.Contains(g.Id!.Value)).ToList();
        var planItems = plan.ItemIds().ToHashSet();
        var stale = (content.Actions ?? []).Select(a => a.ActionId).Concat((content.Goals ?? []).Select(g => g.GoalId)).Where(i => !planItems.Contains(i)).ToList();
        if (version is null || missingActions.Count > 0 || missingGoals.Count > 0 || stale.Count > 0)
        {
            var missing = new List<string>();
            if (missingActions.Count > 0)
            {
                var titles = string.Join(", ", missingActions.Select(a => $"„{a.Title}”"));
                missing.Add(Text.Pick($"stan działań ({missingActions.Count}): {titles}", $"the state of actions ({missingActions.Count}): {titles}"));
            }
            if (missingGoals.Count > 0)
            {
                var titles = string.Join(", ", missingGoals.Select(g => $"„{g.Title}”"));
                missing.Add(Text.Pick($"wartości wskaźników celów ({missingGoals.Count}): {titles}", $"the values of goals' indicators ({missingGoals.Count}): {titles}"));
            }
            if (stale.Count > 0)
            {
                var ids = string.Join(", ", stale);
                missing.Add(Text.Pick($"usunięcia pozycji, których plan (wersja {version?.Number}) już nie ma: {ids}",
                    $"removing entries the plan (version {version?.Number}) no longer has: {ids}"));
            }
            if (version is null)
            {
                missing.Add(Text.Pick("przyjętego planu", "an adopted plan"));
            }
            return Results.Problem(statusCode: StatusCodes.Status409Conflict,
                title: Text.Pick("Sprawozdania nie można jeszcze przesłać.", "The report cannot be submitted yet."),
                detail: Text.Pick("Brakuje: ", "Missing: ") + string.Join("; ", missing) + ".",
                extensions: new Dictionary<string, object?>
                {
                    ["missingActions"] = missingActions.Select(a => a.Id!.Value).ToList(),
                    ["missingGoals"] = missingGoals.Select(g => g.Id!.Value).ToList(),
                    ["notInPlan"] = stale,
                });
        }
        var round = report.Round + 1;
        var by = context.User.PersonId();
        await session.ExecuteAsync($"""
            UPDATE reports SET status = '{ReportStatus.Submitted}', round = @round, plan_version = @planVersion, submitted_at = @now, submitted_by = @by,
                               first_submitted_at = coalesce(first_submitted_at, @now)
            WHERE id = @id
            """, new { id, round, planVersion = version.Number, now = now.ToUniversalTime(), by });
        await report.RecordAsync(session, ReportAction.Submitted, round, null, by, now);
        var actions = content.Actions ?? [];
        await session.EnqueueAsync(new ReportSubmitted
        {
            ReportId = id, PlanId = report.PlanId, JstTerc = report.JstTerc, Period = report.Number, Phase = report.Phase, PeriodStart = report.StartsOn,
            PeriodEnd = report.EndsOn, DueOn = report.DueOn, PlanVersion = version.Number, Round = round, Late = now >= report.DueAt,
            Actions = actions.Count, ActionsDone = actions.Count(a => a.Status == ActionStatus.Done),
            ActionsDelayed = actions.Count(a => a.Status == ActionStatus.Delayed), ActionsAbandoned = actions.Count(a => a.Status == ActionStatus.Abandoned),
            Spent = actions.Sum(a => a.Spent ?? 0), SubmittedBy = by, SubmittedAt = now,
        });
        var view = (await ReportView.FindAsync(session, id, now))!;
        await session.CommitAsync();
        return TypedResults.Ok(view);
    }
}
