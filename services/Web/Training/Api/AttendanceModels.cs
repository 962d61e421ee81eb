namespace Cro.Web.Training.Api;

/// <summary>GET /api/training/sessions/{id}/attendance: everyone of the cohort with their mark (none yet: not marked).</summary>
public sealed record AttendanceSheet(SessionView Session, IReadOnlyList<AttendanceRow> Rows);

public sealed record AttendanceRow(Guid ParticipantId, string FullName, string JstTerc, string JstName, string? Status, string? Source,
    DateTimeOffset? RecordedAt);

/// <summary>GET /api/training/sessions/{id}/attendance/corrections: changes made after the session ended, with who and why.</summary>
public sealed record AttendanceCorrection(Guid ParticipantId, string FullName, string? OldStatus, string NewStatus, string Reason, Guid? CorrectedBy,
    string? CorrectedByName, DateTimeOffset CorrectedAt);

/// <summary>PUT /api/training/sessions/{id}/attendance: after the session has ended, a reason is required.</summary>
public sealed record AttendanceMarks(IReadOnlyList<AttendanceMark> Marks, string? Reason);

public sealed record AttendanceMark(Guid ParticipantId, string Status);

public static class AttendanceStatus
{
    public const string Present = "present";
    public const string Absent = "absent";
    public const string Excused = "excused";

    public static readonly IReadOnlyList<string> All = [Present, Absent, Excused];
}

/// <summary>POST /api/training/check-in.</summary>
public sealed record CheckInRequest(string Code);

public sealed record CheckedIn(Guid SessionId, string ModuleCode, string ModuleTitle, string Status);
