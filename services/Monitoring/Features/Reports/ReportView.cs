using Cro.Monitoring.Features.Plans;

namespace Cro.Monitoring.Features.Reports;

/// <summary>
/// A period's report in full: its period, state and content, and what it reports on — the actions and goals of the plan's
/// version in force at the period's end (once submitted, the version it was submitted on) — with its evidence files and
/// the history of its review.
/// </summary>
/// <param name="Number">The period's number, from 1.</param>
/// <param name="Phase"><see cref="ReportPhase"/>: project, post-project.</param>
/// <param name="Reviewer">Who reviews it: advisor (the project's 12 months) or ore (after them).</param>
/// <param name="DueAt">The due moment: the end of <paramref name="DueOn"/> in Warsaw.</param>
/// <param name="Status"><see cref="ReportStatus"/>: draft, submitted, returned, accepted.</param>
/// <param name="Overdue">Not submitted by its due moment, and not since.</param>
/// <param name="DaysOverdue">Whole Warsaw days past the due day; 0 when not overdue.</param>
/// <param name="Revision">Grows with every save; a save names the revision it changes.</param>
/// <param name="Round">Submissions so far.</param>
/// <param name="PlanVersion">The plan's version reported on; null while the plan has none adopted.</param>
/// <param name="RemindersSent">Mails to the coordinator about it being overdue.</param>
/// <param name="PlanActions">The actions the report covers, from the plan's version.</param>
/// <param name="PlanGoals">The goals whose values the report gives, from the plan's version.</param>
[OpenApiSchemaName("ImplementationReport")]
public sealed record ReportView(Guid Id, Guid PlanId, string JstTerc, string? JstName, int Number, string Phase, string Reviewer, DateOnly StartsOn,
    DateOnly EndsOn, DateOnly DueOn, DateTimeOffset DueAt, string Status, bool Overdue, int DaysOverdue, int Revision, int Round, int? PlanVersion,
    DateTimeOffset? SubmittedAt, DateTimeOffset? AcceptedAt, int RemindersSent, ReportContent Content, IReadOnlyList<ReportPlanAction> PlanActions,
    IReadOnlyList<ReportPlanGoal> PlanGoals, IReadOnlyList<EvidenceFile> Evidence, IReadOnlyList<ReportHistoryEntry> History)
{
    /// <summary>The report as far as the caller's scope sees it; null otherwise (a 404).</summary>
    public static async Task<ReportView?> FindAsync(DataSession session, Guid id, DateTimeOffset now) =>
        await ReportRow.FindAsync(session, id) is { } row ? await OfAsync(session, row, now) : null;

    public static async Task<ReportView> OfAsync(DataSession session, ReportRow row, DateTimeOffset now)
    {
        var version = await ReportedVersionAsync(session, row);
        var plan = version?.Document ?? PlanContent.Empty;
        using var rows = await session.QueryMultipleAsync("""
            SELECT id, action_id, file_name, content_type, size_bytes, uploaded_at FROM report_evidence WHERE report_id = @Id ORDER BY uploaded_at, id;
            SELECT round, action, text, actor, at FROM report_history WHERE report_id = @Id ORDER BY at, id;
            """, new { row.Id });
        var evidence = await rows.ReadAsync<EvidenceFile>();
        var history = await rows.ReadAsync<ReportHistoryEntry>();
        return new ReportView(row.Id, row.PlanId, row.JstTerc, row.JstName, row.Number, row.Phase, ReviewerOf(row.Phase), row.StartsOn, row.EndsOn,
            row.DueOn, row.DueAt, row.Status, row.IsOverdue(now), DaysOverdueOf(row, now), row.Revision, row.Round, version?.Number, row.SubmittedAt,
            row.AcceptedAt, row.RemindersSent, row.Document,
            [.. (plan.Actions ?? []).Select(a => new ReportPlanAction(a.Id!.Value, a.Title, a.Owner, a.StartsOn, a.EndsOn, a.TotalBudget))],
            [.. (plan.Goals ?? []).Select(g => new ReportPlanGoal(g.Id!.Value, g.Title, g.Indicator, g.Unit, g.Baseline, g.Target, g.TargetDate))],
            [.. evidence], [.. history]);
    }

    /// <summary>
    /// The plan's version a report is on: while the team writes it, the one in force at its period's end; submitted or
    /// accepted, the one it was submitted on.
    /// </summary>
    public static async Task<PlanVersionRow?> ReportedVersionAsync(DataSession session, ReportRow row) =>
        row.PlanVersion is { } number && !ReportStatus.IsEditable(row.Status)
            ? (await PlanVersionRow.ListAsync(session, row.PlanId)).FirstOrDefault(v => v.Number == number)
            : await PlanVersionRow.InForceOnAsync(session, row.PlanId, row.EndsOn);

    public static string ReviewerOf(string phase) => phase == ReportPhase.Project ? "advisor" : "ore";

    public static int DaysOverdueOf(ReportRow row, DateTimeOffset now) =>
        row.IsOverdue(now) ? ReportingSchedule.WarsawDay(now).DayNumber - row.DueOn.DayNumber : 0;
}

[OpenApiSchemaName("ReportPlanAction")]
public sealed record ReportPlanAction(Guid Id, string Title, string Owner, DateOnly? StartsOn, DateOnly? EndsOn, decimal? TotalBudget);

[OpenApiSchemaName("ReportPlanGoal")]
public sealed record ReportPlanGoal(Guid Id, string Title, string Indicator, string Unit, decimal? Baseline, decimal? Target, DateOnly? TargetDate);

/// <summary>A file of evidence for one action of the report; GET …/reports/{id}/evidence/{fileId} downloads it.</summary>
[OpenApiSchemaName("ReportEvidenceFile")]
public sealed record EvidenceFile(Guid Id, Guid ActionId, string FileName, string ContentType, long SizeBytes, DateTimeOffset UploadedAt);

/// <param name="Action"><see cref="ReportAction"/>: submitted, returned, accepted, due-moved.</param>
/// <param name="Text">The reviewer's comment on a return; the old and new due day of a move.</param>
[OpenApiSchemaName("ReportHistoryEntry")]
public sealed record ReportHistoryEntry(int Round, string Action, string? Text, Guid? Actor, DateTimeOffset At);
