using System.Security.Claims;

namespace Cro.Monitoring.Features.Reports;

/// <summary>A period's report as stored; its content is the jsonb document of <see cref="ReportContent"/>.</summary>
public sealed record ReportRow(Guid Id, Guid PlanId, string JstTerc, string? JstName, int Number, string Phase, DateOnly StartsOn, DateOnly EndsOn,
    DateOnly DueOn, DateTimeOffset DueAt, string Status, string Content, int Revision, int Round, int? PlanVersion, DateTimeOffset? UpdatedAt,
    DateTimeOffset? FirstSubmittedAt, DateTimeOffset? SubmittedAt, DateTimeOffset? AcceptedAt, DateTimeOffset? OverdueAt, int RemindersSent,
    DateTimeOffset? LastRemindedAt)
{
    [ExplicitConstructor]
    private ReportRow() : this(Guid.Empty, Guid.Empty, "", null, 0, "", default, default, default, default, "", "{}", 0, 0, null, null, null, null, null, null,
        0, null)
    {
    }

    public ReportContent Document => ReportJson.Read(Content);

    /// <summary>Not submitted by its due moment (and not since).</summary>
    public bool IsOverdue(DateTimeOffset now) => FirstSubmittedAt is null && now >= DueAt;

    public const string Select = """
        SELECT r.id, r.plan_id, r.jst_terc, j.name AS jst_name, r.number, r.phase, r.starts_on, r.ends_on, r.due_on, r.due_at, r.status,
               r.content::text AS content, r.revision, r.round, r.plan_version, r.updated_at, r.first_submitted_at, r.submitted_at, r.accepted_at,
               r.overdue_at, r.reminders_sent, r.last_reminded_at
        FROM reports r LEFT JOIN jst j ON j.terc = r.jst_terc
        """;

    /// <summary>The report as far as the caller's scope sees it, locked for a change when asked; null otherwise (a 404).</summary>
    public static Task<ReportRow?> FindAsync(DataSession session, Guid id, bool forUpdate = false) =>
        session.QuerySingleOrDefaultAsync<ReportRow?>(Select + " WHERE r.id = @id" + (forUpdate ? " FOR UPDATE OF r" : ""), new { id });

    /// <summary>A report of the caller's own JST (the team's), locked; null when it is not theirs (a 404).</summary>
    public static Task<ReportRow?> ForTeamAsync(DataSession session, ClaimsPrincipal user, Guid id) =>
        session.QuerySingleOrDefaultAsync<ReportRow?>(Select + " WHERE r.id = @id AND r.jst_terc = @terc FOR UPDATE OF r", new { id, terc = user.JstTerc() });

    /// <summary>Records a step of the report's review in its history.</summary>
    public Task RecordAsync(DataSession session, string action, int round, string? text, Guid? actor, DateTimeOffset at) =>
        session.ExecuteAsync("""
            INSERT INTO report_history (id, report_id, jst_terc, round, action, text, actor, at) VALUES (@historyId, @Id, @JstTerc, @round, @action, @text, @actor, @at)
            """, new { historyId = Guid.CreateVersion7(), Id, JstTerc, round, action, text, actor, at = at.ToUniversalTime() });

    public static IResult NotFound() => ProblemDetailsDefaults.NotFound("Nie ma takiego sprawozdania.", "There is no such report.");
}

/// <summary>The steps of a report's history.</summary>
public static class ReportAction
{
    public const string Submitted = "submitted";
    public const string Returned = "returned";
    public const string Accepted = "accepted";
    public const string DueMoved = "due-moved";
}
