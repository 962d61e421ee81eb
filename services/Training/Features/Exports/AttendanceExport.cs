using Cro.BuildingBlocks.Exports;
using Cro.Training.Features.Attendance;
using Cro.Training.Features.Progress;
using Cro.Training.Features.Sessions;
using Cro.Training.Features.Teams;

namespace Cro.Training.Features.Exports;

/// <summary>
/// Attendance lists as an EU audit expects them (name, JST, date, hours, and an empty column to sign in), for
/// the cohort's trainers and operators: GET /api/training/sessions/{id}/attendance/export?format=csv|xlsx
/// (one session) and GET /api/training/cohorts/{id}/attendance/export?format=csv|xlsx (every session of the
/// cohort, in order). Each row is a participant of the cohort and session with their mark (none: not marked).
/// </summary>
public static class AttendanceExport
{
    private static readonly string[] Headers = ["Imię i nazwisko", "JST", "Kod TERYT", "Data", "Godziny", "Moduł", "Obecność", "Podpis"];

    public static IEndpointRouteBuilder MapAttendanceExport(this IEndpointRouteBuilder api)
    {
        api.MapGet("/sessions/{id:guid}/attendance/export", SessionAsync)
            .WithName("ExportSessionAttendance").WithSummary("Lista obecności zajęć (CSV, XLSX) / A session's attendance list (CSV, XLSX)")
            .ProducesTable().ProducesProblem(StatusCodes.Status404NotFound).RequireAuthorization(Policies.TrainerOrOperator);
        api.MapGet("/cohorts/{id:guid}/attendance/export", CohortAsync)
            .WithName("ExportCohortAttendance").WithSummary("Listy obecności grupy (CSV, XLSX) / A cohort's attendance lists (CSV, XLSX)")
            .ProducesTable().ProducesProblem(StatusCodes.Status404NotFound).RequireAuthorization(Policies.TrainerOrOperator);
        return api;
    }

    private static async Task<IResult> SessionAsync(Guid id, HttpContext context, [RepeatableRead] DataSession db, string format = TableExport.Csv)
    {
        if (TableExport.FormatRefusal(format) is { } refusal)
        {
            return refusal;
        }
        if (await AttendanceSheet.OpenAsync(db, context, id) is not { } session)
        {
            return SessionModules.NotFound();
        }
        var sheet = await AttendanceSheet.ReadAsync(db, session);
        return await TableExport.WriteAsync(context.Response, format, $"lista-obecnosci-{WarsawTime.InWarsaw(session.StartsAt):yyyyMMdd}-{session.ModuleCode}",
            Headers, Rows(sheet), db.Cancellation);
    }

    private static async Task<IResult> CohortAsync(Guid id, HttpContext context, [RepeatableRead] DataSession db, string format = TableExport.Csv)
    {
        if (TableExport.FormatRefusal(format) is { } refusal)
        {
            return refusal;
        }
        if (await TrainingResults.OpenCohortAsync(db, context, id) is null)
        {
            return CohortAccess.NotFound();
        }
        // Cancelled sessions took no attendance and have no list to sign.
        var sessions = await db.QueryAsync<SessionRow>(SessionRow.Select + " WHERE s.cohort_id = @id AND s.cancelled_at IS NULL ORDER BY s.starts_at, s.id",
            new { id });
        var rows = new List<IReadOnlyList<string?>>();
        foreach (var session in sessions)
        {
            rows.AddRange(Rows(await AttendanceSheet.ReadAsync(db, session)));
        }
        return await TableExport.WriteAsync(context.Response, format, "listy-obecnosci-grupy", Headers, rows, db.Cancellation);
    }

    private static List<IReadOnlyList<string?>> Rows(AttendanceSheet.Sheet sheet)
    {
        var session = sheet.Session;
        var date = $"{session.StartsAt:yyyy-MM-dd HH:mm}–{session.EndsAt:HH:mm}";
        return [.. sheet.Rows.Select(r => (IReadOnlyList<string?>)
            [r.FullName, r.JstName, r.JstTerc, date, ExportFormat.Number(session.Hours), $"{session.ModuleCode} {session.ModuleTitle}", Status(r.Status), ""])];
    }

    private static string Status(string? status) => status switch
    {
        AttendanceStatus.Present => "obecny(-a)",
        AttendanceStatus.Absent => "nieobecny(-a)",
        AttendanceStatus.Excused => "usprawiedliwiony(-a)",
        _ => "",
    };
}
