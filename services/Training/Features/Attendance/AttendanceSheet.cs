using Cro.Training.Features.Access;
using Cro.Training.Features.Sessions;
using Cro.Training.Features.Teams;

namespace Cro.Training.Features.Attendance;

/// <summary>
/// GET /api/training/sessions/{id}/attendance — the attendance sheet of a session: every participant of the
/// cohort's teams who is in the programme, and anyone else with a mark (who left, or whose team moved to another
/// cohort since), with their status (none yet: not
/// marked). GET …/attendance/corrections — the corrections made after the session. For the cohort's
/// trainers and operators; anyone else gets 404.
/// </summary>
public static class AttendanceSheet
{
    [OpenApiSchemaName("AttendanceSheet")]
    public sealed record Sheet(SessionView Session, IReadOnlyList<Row> Rows);

    [OpenApiSchemaName("AttendanceRow")]
    public sealed record Row(Guid ParticipantId, string FullName, string JstTerc, string JstName, string? Status, string? Source,
        DateTimeOffset? RecordedAt);

    [OpenApiSchemaName("AttendanceCorrection")]
    public sealed record Correction(Guid ParticipantId, string FullName, string? OldStatus, string NewStatus, string Reason, Guid? CorrectedBy,
        string? CorrectedByName, DateTimeOffset CorrectedAt);

    public static IEndpointRouteBuilder MapAttendanceSheet(this IEndpointRouteBuilder api)
    {
        api.MapGet("/sessions/{id:guid}/attendance", GetAsync)
            .WithName("AttendanceSheet").WithSummary("Lista obecności na zajęciach / A session's attendance sheet")
            .Produces<Sheet>().ProducesProblem(StatusCodes.Status404NotFound).RequireAuthorization(Policies.TrainerOrOperator);
        api.MapGet("/sessions/{id:guid}/attendance/corrections", CorrectionsAsync)
            .WithName("AttendanceCorrections").WithSummary("Korekty obecności / Attendance corrections")
            .Produces<IReadOnlyList<Correction>>().ProducesProblem(StatusCodes.Status404NotFound).RequireAuthorization(Policies.TrainerOrOperator);
        return api;
    }

    /// <summary>Reads the sheet in <paramref name="db"/>, under a scope that sees the cohort's people.</summary>
    internal static async Task<Sheet> ReadAsync(DataSession db, SessionRow session)
    {
        var rows = await db.QueryAsync<Row>("""
            SELECT p.id AS participant_id, p.full_name, p.jst_terc, t.jst_name, a.status, a.source, a.recorded_at
            FROM participants p
            JOIN teams t ON t.application_id = p.application_id
            LEFT JOIN attendance a ON a.participant_id = p.id AND a.session_id = @Id
            WHERE (t.cohort_id = @CohortId AND p.left_at IS NULL AND t.withdrawn_at IS NULL) OR a.status IS NOT NULL
            ORDER BY t.jst_name, p.full_name, p.id
            """, new { session.Id, session.CohortId });
        return new Sheet(session.ToView(), [.. rows]);
    }

    /// <summary>The session for the cohort's trainers and operators (under the caller's scope in <paramref name="db"/>); null for anyone else.</summary>
    internal static async Task<SessionRow?> OpenAsync(DataSession db, HttpContext context, Guid id, bool forUpdate = false)
    {
        var session = await SessionModules.FindAsync(db, id, forUpdate);
        return session is not null && await CohortAccess.RunsAsync(db, Caller.From(context.User), session.CohortId) ? session : null;
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext context, [RepeatableRead] DataSession db)
    {
        var session = await OpenAsync(db, context, id);
        return session is null ? SessionModules.NotFound() : TypedResults.Ok(await ReadAsync(db, session));
    }

    private static async Task<IResult> CorrectionsAsync(Guid id, HttpContext context, [RepeatableRead] DataSession db)
    {
        if (await OpenAsync(db, context, id) is null)
        {
            return SessionModules.NotFound();
        }
        var corrections = await db.QueryAsync<Correction>("""
            SELECT c.participant_id, p.full_name, c.old_status, c.new_status, c.reason, c.corrected_by, c.corrected_by_name, c.corrected_at
            FROM attendance_corrections c JOIN participants p ON p.id = c.participant_id
            WHERE c.session_id = @id ORDER BY c.corrected_at, c.id
            """, new { id });
        return TypedResults.Ok(corrections.ToList());
    }
}
