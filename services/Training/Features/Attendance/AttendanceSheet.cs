using Cro.ServiceDefaults;
using Cro.ServiceDefaults.Security;
using Cro.Training.Features.Access;
using Cro.Training.Features.Cohorts;
using Cro.Training.Features.Sessions;
using Dapper;
using Npgsql;

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

    /// <summary>Reads the sheet in <paramref name="transaction"/>, under a scope that sees the cohort's people.</summary>
    internal static async Task<Sheet> ReadAsync(NpgsqlTransaction transaction, SessionRow session, CancellationToken ct)
    {
        var rows = await transaction.Connection!.QueryAsync<Row>(new CommandDefinition("""
            SELECT p.id AS participant_id, p.full_name, p.jst_terc, t.jst_name, a.status, a.source, a.recorded_at
            FROM participants p
            JOIN teams t ON t.application_id = p.application_id
            LEFT JOIN attendance a ON a.participant_id = p.id AND a.session_id = @Id
            WHERE (t.cohort_id = @CohortId AND p.left_at IS NULL AND t.withdrawn_at IS NULL) OR a.status IS NOT NULL
            ORDER BY t.jst_name, p.full_name, p.id
            """, new { session.Id, session.CohortId }, transaction, cancellationToken: ct));
        return new Sheet(session.ToView(), [.. rows]);
    }

    /// <summary>Opens the session for the cohort's trainers and operators; null for anyone else.</summary>
    internal static async Task<SessionRow?> OpenAsync(NpgsqlTransaction transaction, HttpContext context, Guid id, CancellationToken ct,
        bool forUpdate = false)
    {
        await TrainingScope.SetAsync(transaction, context.User, ct);
        var session = await SessionModules.FindAsync(transaction, id, ct, forUpdate);
        return session is not null && await CohortAccess.RoleAsync(transaction, Caller.From(context.User), session.CohortId, ct)
            is CohortRole.Trainer or CohortRole.Operator
            ? session
            : null;
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext context, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        var session = await OpenAsync(transaction, context, id, ct);
        return session is null ? SessionModules.NotFound() : TypedResults.Ok(await ReadAsync(transaction, session, ct));
    }

    private static async Task<IResult> CorrectionsAsync(Guid id, HttpContext context, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        if (await OpenAsync(transaction, context, id, ct) is null)
        {
            return SessionModules.NotFound();
        }
        var corrections = await connection.QueryAsync<Correction>(new CommandDefinition("""
            SELECT c.participant_id, p.full_name, c.old_status, c.new_status, c.reason, c.corrected_by, c.corrected_by_name, c.corrected_at
            FROM attendance_corrections c JOIN participants p ON p.id = c.participant_id
            WHERE c.session_id = @id ORDER BY c.corrected_at, c.id
            """, new { id }, transaction, cancellationToken: ct));
        return TypedResults.Ok(corrections.ToList());
    }
}
