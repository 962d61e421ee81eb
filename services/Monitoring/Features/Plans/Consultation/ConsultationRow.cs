using System.Security.Claims;
using System.Text.Json;

namespace Cro.Monitoring.Features.Plans.Consultation;

/// <summary>
/// A consultation as stored, with the version it consults (its number, state and content). Where it stands depends on
/// the clock too: <see cref="StateAt"/> — scheduled before its first day, open through its last (Warsaw), closed after,
/// whether or not <see cref="ConsultationTermEnd"/> has recorded it yet.
/// </summary>
public sealed record ConsultationRow(Guid Id, Guid PlanId, Guid VersionId, string JstTerc, int Version, string VersionStatus, string Content,
    DateOnly OpensOn, DateOnly ClosesOn, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt, string? ClosedHow)
{
    public const string Scheduled = ConsultationPeriod.Scheduled;
    public const string Open = ConsultationPeriod.Open;
    public const string Closed = ConsultationPeriod.Closed;

    [ExplicitConstructor]
    private ConsultationRow() : this(Guid.Empty, Guid.Empty, Guid.Empty, "", 0, "", "{}", default, default, default, null, null)
    {
    }

    public PlanContent Document => JsonSerializer.Deserialize<PlanContent>(Content, PlanVersionRow.Json) ?? PlanContent.Empty;

    /// <summary>The moment the consultation ends by its term: the start of the Warsaw day after <see cref="ClosesOn"/>.</summary>
    public DateTimeOffset TermEndsAt => ConsultationPeriod.TermEndsAt(ClosesOn);

    /// <summary><see cref="Scheduled"/>, <see cref="Open"/> or <see cref="Closed"/> at <paramref name="now"/>.</summary>
    public string StateAt(DateTimeOffset now) => ConsultationPeriod.StateAt(OpensOn, ClosesOn, ClosedAt, now);

    /// <summary>When it closed (or, past its term and not yet recorded, when its term ended); null while it is not closed.</summary>
    public DateTimeOffset? ClosedAtOrTermEnd(DateTimeOffset now) => ConsultationPeriod.ClosedAtOrTermEnd(ClosesOn, ClosedAt, now);

    public const string Select = """
        SELECT c.id, c.plan_id, c.version_id, c.jst_terc, v.number AS version, v.status AS version_status, v.content::text AS content,
               c.opens_on, c.closes_on, c.opened_at, c.closed_at, c.closed_how
        FROM plan_consultations c JOIN plan_versions v ON v.id = c.version_id
        """;

    /// <summary>The consultation of the plan's latest consulted version, as far as the caller's scope sees the plan.</summary>
    public static Task<ConsultationRow?> LatestAsync(DataSession session, Guid planId) =>
        session.QuerySingleOrDefaultAsync<ConsultationRow?>(Select + " WHERE c.plan_id = @planId ORDER BY v.number DESC LIMIT 1", new { planId });

    /// <summary>
    /// The latest consultation of the caller's own JST's plan (the team's), locked; null when there is none or the plan is
    /// not theirs. The consultation is locked before its version, in every path that changes both.
    /// </summary>
    public static Task<ConsultationRow?> ForTeamAsync(DataSession session, ClaimsPrincipal user, Guid planId) =>
        session.QuerySingleOrDefaultAsync<ConsultationRow?>(
            Select + " WHERE c.plan_id = @planId AND c.jst_terc = @terc ORDER BY v.number DESC LIMIT 1 FOR UPDATE OF c",
            new { planId, terc = user.JstTerc() });

    public static IResult NotFound() => ProblemDetailsDefaults.NotFound("Plan nie ma konsultacji (albo nie ma takiego planu).",
        "The plan has no consultation (or there is no such plan).");

    /// <summary>409 when the consultation is over: the version is revised, and nothing more comes in or goes out.</summary>
    public IResult ClosedConflict(DateTimeOffset now) => Problems.Conflict("Konsultacje są zakończone.", "The consultation is closed.",
        $"Konsultacje wersji {Version} planu zakończyły się {WarsawTime.Format(ClosedAtOrTermEnd(now)!.Value)}.",
        $"The consultation of version {Version} of the plan closed on {WarsawTime.Format(ClosedAtOrTermEnd(now)!.Value)}.");
}
