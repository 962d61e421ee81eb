namespace Cro.Training.Features.Attendance;

public static class AttendanceApi
{
    public static IEndpointRouteBuilder MapAttendanceApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/training").WithTags("Obecność / Attendance");
        api.MapAttendanceSheet();
        api.MapMarkAttendance();
        api.MapCheckIn();
        return app;
    }
}
