namespace Cro.Monitoring.Features.Reports;

/// <summary>
/// GET /api/monitoring/report-schedule — the reporting cadence new plans get (the programme's: 4 quarters of the project,
/// then 4 half-years, each report due 30 days after its period). PUT — ORE replaces it; it applies to plans whose first
/// version is adopted afterwards, while plans adopted before keep their periods (ORE moves a single report's due day with
/// PUT …/reports/{id}/due-date). Phases come in order: the project's stretches before those after it.
/// </summary>
public static class ReportScheduleRules
{
    public const int MaxRules = 12;

    /// <param name="Rules">The stretches in order, from the adoption day.</param>
    [OpenApiSchemaName("ReportSchedule")]
    public sealed record Schedule(IReadOnlyList<ScheduleRule> Rules, DateTimeOffset UpdatedAt);

    [OpenApiSchemaName("ReportScheduleRequest")]
    public sealed record ScheduleRequest([property: FieldLabel("Harmonogram sprawozdań", "Reporting schedule")] IReadOnlyList<ScheduleRule>? Rules);

    public sealed class Validator : AbstractValidator<ScheduleRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Rules).Must(r => r is { Count: > 0 and <= MaxRules })
                .WithMessage(_ => Text.Pick($"Podaj od 1 do {MaxRules} odcinków harmonogramu.", $"Give 1 to {MaxRules} stretches of the schedule."));
            RuleFor(r => r.Rules).Must(r => r is null || !r.SkipWhile(x => x.Phase != ReportPhase.PostProject).Any(x => x.Phase == ReportPhase.Project))
                .WithMessage(_ => Text.Pick("Odcinki projektu idą przed odcinkami po jego zakończeniu.", "The project's stretches come before those after it."));
            RuleFor(r => r.Rules).Must(r => r is null || r.Sum(x => (long)x.Months * x.Periods) <= 120)
                .WithMessage(_ => Text.Pick("Harmonogram obejmuje najwyżej 120 miesięcy.", "The schedule covers at most 120 months."));
            RuleForEach(r => r.Rules).ChildRules(rule =>
            {
                rule.RuleFor(x => x.Phase).Must(p => ReportPhase.All.Contains(p))
                    .WithMessage(_ => Text.Pick("Etap: project (projekt) albo post-project (po projekcie).", "The phase: project or post-project."));
                rule.RuleFor(x => x.Months).InclusiveBetween(1, 24)
                    .WithMessage(_ => Text.Pick("Okres trwa od 1 do 24 miesięcy.", "A period lasts 1 to 24 months."));
                rule.RuleFor(x => x.Periods).InclusiveBetween(1, 24)
                    .WithMessage(_ => Text.Pick("Od 1 do 24 okresów w odcinku.", "1 to 24 periods in a stretch."));
                rule.RuleFor(x => x.DueDays).InclusiveBetween(0, 180)
                    .WithMessage(_ => Text.Pick("Termin: od 0 do 180 dni po końcu okresu.", "Due: 0 to 180 days after the period's end."));
            });
        }
    }

    public static IEndpointRouteBuilder MapReportScheduleRules(this IEndpointRouteBuilder api)
    {
        api.MapGet("/report-schedule", GetAsync)
            .WithName("GetReportSchedule").WithSummary("Harmonogram sprawozdań dla nowych planów / The reporting schedule of new plans")
            .Produces<Schedule>().RequireAuthorization(Policies.AdvisoryParty);
        api.MapPut("/report-schedule", PutAsync)
            .WithName("SetReportSchedule").WithSummary("Ustal harmonogram sprawozdań dla nowych planów / Set the reporting schedule of new plans")
            .Validate<ScheduleRequest>().Produces<Schedule>().RequireAuthorization(Policies.Operator);
        return api;
    }

    private static async Task<Schedule> ReadAsync(DataSession session) =>
        new(await ReportingSchedule.RulesAsync(session),
            await session.ExecuteScalarAsync<DateTimeOffset>("SELECT max(updated_at) FROM report_schedule_rules"));

    private static async Task<IResult> GetAsync(DataSession session) => TypedResults.Ok(await ReadAsync(session));

    private static async Task<IResult> PutAsync(ScheduleRequest request, HttpContext context, DataSession session, TimeProvider time)
    {
        // Two ORE staff saving at once: one after the other, the later wins whole.
        await session.ExecuteAsync("LOCK TABLE report_schedule_rules IN SHARE ROW EXCLUSIVE MODE");
        await session.ExecuteAsync("DELETE FROM report_schedule_rules");
        var (by, now) = (context.User.PersonId(), time.GetUtcNow().ToUniversalTime());
        await session.ExecuteAsync("""
            INSERT INTO report_schedule_rules (ordinal, phase, months, periods, due_days, updated_by, updated_at)
            VALUES (@ordinal, @Phase, @Months, @Periods, @DueDays, @by, @now)
            """, request.Rules!.Select((r, i) => new { ordinal = i + 1, r.Phase, r.Months, r.Periods, r.DueDays, by, now }).ToList());
        var schedule = await ReadAsync(session);
        await session.CommitAsync();
        return TypedResults.Ok(schedule);
    }
}
