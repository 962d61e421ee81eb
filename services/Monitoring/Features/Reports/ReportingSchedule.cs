namespace Cro.Monitoring.Features.Reports;

/// <summary>One stretch of the reporting cadence: <see cref="Periods"/> periods of <see cref="Months"/> months in one phase,
/// each report due <see cref="DueDays"/> days after its period's last day.</summary>
/// <param name="Phase"><see cref="ReportPhase"/>: project, post-project.</param>
[OpenApiSchemaName("ReportScheduleRule")]
public sealed record ScheduleRule(
    [property: FieldLabel("Etap", "Phase")] string Phase,
    [property: FieldLabel("Długość okresu (miesiące)", "Period length (months)")] int Months,
    [property: FieldLabel("Liczba okresów", "Number of periods")] int Periods,
    [property: FieldLabel("Termin (dni po końcu okresu)", "Due (days after the period's end)")] int DueDays);

/// <summary>A reporting period as the schedule makes it: Warsaw dates, and the due moment (the end of the due day in Warsaw).</summary>
public sealed record ReportingPeriod(int Number, string Phase, DateOnly StartsOn, DateOnly EndsOn, DateOnly DueOn, DateTimeOffset DueAt);

/// <summary>
/// The reporting periods of a plan, counted from the day its first version was adopted. Every boundary is that day plus
/// a whole number of months, each counted from the adoption day itself rather than from the boundary before, so a plan
/// adopted on 31 January has periods starting 30 April (no 31st), 31 July, 31 October … and never drifts to the 28th;
/// a period ends the day before the next begins, so they cover the months without a gap or a day twice. A report is due
/// to the end of its due day in Warsaw, whatever the offset that day (the instant is 22:00 UTC in summer time, 23:00 in
/// winter time, and on the days the clocks change it is the end of a 23- or 25-hour day).
/// </summary>
public static class ReportingSchedule
{
    /// <summary>The programme's cadence: the 12 months of the project by quarters, then 2 years by half-years, each due 30 days on.</summary>
    public static readonly IReadOnlyList<ScheduleRule> Default =
    [
        new(ReportPhase.Project, Months: 3, Periods: 4, DueDays: 30),
        new(ReportPhase.PostProject, Months: 6, Periods: 4, DueDays: 30),
    ];

    public static IReadOnlyList<ReportingPeriod> Periods(DateOnly adoptedOn, IEnumerable<ScheduleRule> rules)
    {
        var periods = new List<ReportingPeriod>();
        var months = 0;
        foreach (var rule in rules)
        {
            for (var i = 0; i < rule.Periods; i++)
            {
                var start = adoptedOn.AddMonths(months);
                months += rule.Months;
                var end = adoptedOn.AddMonths(months).AddDays(-1);
                var due = end.AddDays(rule.DueDays);
                periods.Add(new ReportingPeriod(periods.Count + 1, rule.Phase, start, end, due, DueMoment(due)));
            }
        }
        return periods;
    }

    /// <summary>The end of a Warsaw day: the instant the next one begins.</summary>
    public static DateTimeOffset DueMoment(DateOnly dueOn) => WarsawTime.StartOf(dueOn.AddDays(1));

    /// <summary>The Warsaw day an instant falls on.</summary>
    public static DateOnly WarsawDay(DateTimeOffset instant) => DateOnly.FromDateTime(WarsawTime.InWarsaw(instant).DateTime);

    /// <summary>The cadence ORE set, in order.</summary>
    public static async Task<IReadOnlyList<ScheduleRule>> RulesAsync(DataSession session) =>
        [.. await session.QueryAsync<ScheduleRule>("SELECT phase, months, periods, due_days FROM report_schedule_rules ORDER BY ordinal")];

    /// <summary>
    /// Puts a plan's reporting periods in, each with its empty report, by the cadence in force; called in the transaction
    /// that adopts the plan's first version, so they exist from the moment it is adopted. A plan that has them keeps them.
    /// </summary>
    public static async Task GenerateAsync(DataSession session, Guid planId, string terc, DateOnly adoptedOn, DateTimeOffset now)
    {
        var (content, at) = (ReportJson.Of(ReportContent.Empty), now.ToUniversalTime());
        // One insert per period (Dapper runs the command for each).
        await session.ExecuteAsync("""
            INSERT INTO reports (id, plan_id, jst_terc, number, phase, starts_on, ends_on, due_on, due_at, content, created_at)
            VALUES (@id, @planId, @terc, @Number, @Phase, @StartsOn, @EndsOn, @DueOn, @dueAt, @content::jsonb, @at)
            ON CONFLICT (plan_id, number) DO NOTHING
            """, Periods(adoptedOn, await RulesAsync(session)).Select(p => new
        {
            id = Guid.CreateVersion7(), planId, terc, p.Number, p.Phase, p.StartsOn, p.EndsOn, p.DueOn, dueAt = p.DueAt.ToUniversalTime(), content, at,
        }).ToList());
    }
}

/// <summary>Who reviews a period's report: during the <see cref="Project"/> the JST's advisor, <see cref="PostProject"/> ORE.</summary>
public static class ReportPhase
{
    public const string Project = "project";
    public const string PostProject = "post-project";

    public static readonly IReadOnlyList<string> All = [Project, PostProject];
}
