namespace Cro.Training.Features.Attendance;

public static class AttendanceStatus
{
    public const string Present = "present";
    public const string Absent = "absent";
    public const string Excused = "excused";

    public static readonly IReadOnlyList<string> All = [Present, Absent, Excused];

    /// <summary>Who recorded a mark: the trainer on the sheet, or the participant with the session's code.</summary>
    public const string ByTrainer = "trainer";
    public const string ByCheckIn = "check-in";
}
