using Cro.Monitoring.Features.Plans;

namespace Cro.Monitoring.Features.Reports;

/// <summary>
/// What a report's content names outside itself, each failure at its field: actions and goals of the plan's version the
/// report is on (<c>actions[2].actionId</c>: "the plan has no action …"), and evidence files uploaded to this report for
/// that action.
/// </summary>
public static class ReportReferences
{
    public static async Task<IResult?> CheckAsync(DataSession session, ReportRow report, PlanVersionRow? version, ReportContent content)
    {
        var plan = version?.Document ?? PlanContent.Empty;
        var actions = (plan.Actions ?? []).Select(a => a.Id).OfType<Guid>().ToHashSet();
        var goals = (plan.Goals ?? []).Select(g => g.Id).OfType<Guid>().ToHashSet();
        var files = (await session.QueryAsync<(Guid Id, Guid ActionId)>("SELECT id, action_id FROM report_evidence WHERE report_id = @Id", new { report.Id }))
            .ToDictionary(f => f.Id, f => f.ActionId);
        var errors = new Dictionary<string, string[]>();
        var number = version?.Number ?? 0;
        foreach (var (entry, i) in (content.Actions ?? []).Select((a, i) => (a, i)))
        {
            if (!actions.Contains(entry.ActionId))
            {
                errors[$"actions[{i}].actionId"] = [Text.Pick($"Plan (wersja {number}) nie ma działania {entry.ActionId}.",
                    $"The plan (version {number}) has no action {entry.ActionId}.")];
            }
            foreach (var (file, j) in (entry.EvidenceFileIds ?? []).Select((f, j) => (f, j))
                         .Where(f => !files.TryGetValue(f.f, out var action) || action != entry.ActionId))
            {
                errors[$"actions[{i}].evidenceFileIds[{j}]"] = [Text.Pick($"Do tego działania w sprawozdaniu nie dołączono pliku {file}.",
                    $"No file {file} was uploaded to the report for this action.")];
            }
        }
        foreach (var (entry, i) in (content.Goals ?? []).Select((g, i) => (g, i)).Where(g => !goals.Contains(g.g.GoalId)))
        {
            errors[$"goals[{i}].goalId"] = [Text.Pick($"Plan (wersja {number}) nie ma celu {entry.GoalId}.", $"The plan (version {number}) has no goal {entry.GoalId}.")];
        }
        return errors.Count > 0 ? ProblemDetailsDefaults.ValidationProblem(errors) : null;
    }
}
