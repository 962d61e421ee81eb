namespace Cro.Monitoring.Features.Plans;

/// <summary>
/// What a plan's content names outside itself, checked against the database, each failure at its field: the findings of
/// priorities belong to the diagnosis the plan rests on (accepted), the schools of actions to the JST's register.
/// </summary>
public static class PlanReferences
{
    public static async Task<IResult?> CheckAsync(DataSession session, Guid diagnosisId, string terc, PlanContent content)
    {
        var findingIds = (content.Priorities ?? []).SelectMany(p => p.FindingIds ?? []).Distinct().ToArray();
        var schoolIds = (content.Actions ?? []).SelectMany(a => a.SchoolIds ?? []).Distinct().ToArray();
        using var rows = await session.QueryMultipleAsync("""
            SELECT id FROM diagnosis_findings WHERE diagnosis_id = @diagnosisId AND id = ANY (@findingIds);
            SELECT id FROM schools WHERE jst_terc = @terc AND id = ANY (@schoolIds);
            """, new { diagnosisId, terc, findingIds, schoolIds });
        var findings = (await rows.ReadAsync<Guid>()).ToHashSet();
        var schools = (await rows.ReadAsync<Guid>()).ToHashSet();
        var errors = new Dictionary<string, string[]>();
        foreach (var (priority, i) in (content.Priorities ?? []).Select((p, i) => (p, i)))
        {
            foreach (var (finding, j) in (priority.FindingIds ?? []).Select((f, j) => (f, j)).Where(f => !findings.Contains(f.f)))
            {
                errors[$"priorities[{i}].findingIds[{j}]"] = [Text.Pick($"Przyjęta diagnoza JST nie ma ustalenia {finding}.",
                    $"The JST's accepted diagnosis has no finding {finding}.")];
            }
        }
        foreach (var (action, i) in (content.Actions ?? []).Select((a, i) => (a, i)))
        {
            foreach (var (school, j) in (action.SchoolIds ?? []).Select((s, j) => (s, j)).Where(s => !schools.Contains(s.s)))
            {
                errors[$"actions[{i}].schoolIds[{j}]"] = [Text.Pick($"Rejestr szkół JST nie ma szkoły {school}.", $"The JST's schools register has no school {school}.")];
            }
        }
        return errors.Count > 0 ? ProblemDetailsDefaults.ValidationProblem(errors) : null;
    }
}
