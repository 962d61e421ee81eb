namespace Cro.Monitoring.Features.Reports;

/// <summary>
/// GET /api/monitoring/reports/overdue — ORE's list of every JST's reports not submitted by their due moment, longest
/// overdue first, with the JST, the period, the days overdue and how many times its coordinator was mailed; optionally
/// of one JST (<c>jstTerc</c>) or phase; paged by keyset. A report leaves it once submitted. It is read as it stands
/// ("past its due moment now"), not from the deadline check's last run.
/// </summary>
public static class OverdueReports
{
    public const int MaxLimit = 500;

    public sealed record Query(string? JstTerc, [property: FieldLabel("Etap", "Phase")] string? Phase, string? Cursor, int Limit = 100);

    /// <param name="Phase"><see cref="ReportPhase"/>: project, post-project.</param>
    /// <param name="Status"><see cref="ReportStatus"/>: draft (never submitted).</param>
    /// <param name="DaysOverdue">Whole Warsaw days past the due day.</param>
    /// <param name="OverdueAt">When the deadline check found it overdue and announced it; null until its next run.</param>
    /// <param name="RemindersSent">Mails to the JST's coordinator about it.</param>
    [OpenApiSchemaName("OverdueReport")]
    public sealed record Item(Guid ReportId, Guid PlanId, string JstTerc, string? JstName, int Number, string Phase, DateOnly StartsOn, DateOnly EndsOn,
        DateOnly DueOn, DateTimeOffset DueAt, string Status, int DaysOverdue, DateTimeOffset? OverdueAt, int RemindersSent, DateTimeOffset? LastRemindedAt);

    [OpenApiSchemaName("OverdueReportPage")]
    public sealed record Page(IReadOnlyList<Item> Items, string? NextCursor);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.JstTerc).Matches("^[0-9]{2,7}$").When(q => q.JstTerc is not null)
                .WithMessage(_ => Text.Pick("JST podaje się kodem TERC (2 do 7 cyfr).", "A JST is given by its TERC code (2 to 7 digits)."));
            RuleFor(q => q.Phase).Must(p => p is null || ReportPhase.All.Contains(p))
                .WithMessage(_ => Text.Pick("Etap: project albo post-project.", "The phase: project or post-project."));
            RuleFor(q => q.Limit).InclusiveBetween(1, MaxLimit).WithMessage(_ => KeysetCursor.LimitMessage(MaxLimit));
            RuleFor(q => q.Cursor).Must(c => c is null || After(c) is not null).WithMessage(_ => KeysetCursor.InvalidMessage);
        }
    }

    public static RouteHandlerBuilder MapOverdueReports(this IEndpointRouteBuilder api) => api
        .MapGet("/reports/overdue", HandleAsync)
        .WithName("ListOverdueReports").WithSummary("Sprawozdania po terminie / Overdue reports")
        .Validate<Query>().Produces<Page>()
        .RequireAuthorization(Policies.Operator);

    private static (DateTimeOffset DueAt, Guid Id)? After(string? cursor) =>
        KeysetCursor.TryDecode(cursor, 2, out var key) && long.TryParse(key[0], out var ticks) && ticks is >= 0 and <= 3155378975999999999
                                                       && Guid.TryParse(key[1], out var id)
            ? (new DateTimeOffset(ticks, TimeSpan.Zero), id)
            : null;

    private sealed record Row(Guid ReportId, Guid PlanId, string JstTerc, string? JstName, int Number, string Phase, DateOnly StartsOn, DateOnly EndsOn,
        DateOnly DueOn, DateTimeOffset DueAt, string Status, DateTimeOffset? OverdueAt, int RemindersSent, DateTimeOffset? LastRemindedAt);

    private static async Task<IResult> HandleAsync([AsParameters] Query query, DataSession session, TimeProvider time)
    {
        var now = time.GetUtcNow();
        var after = After(query.Cursor);
        var rows = (await session.QueryAsync<Row>("""
            SELECT r.id AS report_id, r.plan_id, r.jst_terc, j.name AS jst_name, r.number, r.phase, r.starts_on, r.ends_on, r.due_on, r.due_at, r.status,
                   r.overdue_at, r.reminders_sent, r.last_reminded_at
            FROM reports r LEFT JOIN jst j ON j.terc = r.jst_terc
            WHERE r.first_submitted_at IS NULL AND r.due_at <= @now
              AND (@JstTerc::text IS NULL OR r.jst_terc = @JstTerc) AND (@Phase::text IS NULL OR r.phase = @Phase)
              AND (@afterDue::timestamptz IS NULL OR (r.due_at, r.id) > (@afterDue, @afterId))
            ORDER BY r.due_at, r.id
            LIMIT @take
            """, new
        {
            now = now.ToUniversalTime(), query.JstTerc, query.Phase, afterDue = after?.DueAt, afterId = after?.Id ?? Guid.Empty, take = query.Limit + 1,
        })).ToList();
        var today = ReportingSchedule.WarsawDay(now);
        var items = rows.Take(query.Limit).Select(r => new Item(r.ReportId, r.PlanId, r.JstTerc, r.JstName, r.Number, r.Phase, r.StartsOn, r.EndsOn, r.DueOn,
            r.DueAt, r.Status, today.DayNumber - r.DueOn.DayNumber, r.OverdueAt, r.RemindersSent, r.LastRemindedAt)).ToList();
        var next = rows.Count > query.Limit
            ? KeysetCursor.Encode(items[^1].DueAt.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture), items[^1].ReportId.ToString())
            : null;
        return TypedResults.Ok(new Page(items, next));
    }
}
