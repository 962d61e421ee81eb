using Cro.Training.Features.Sessions;

namespace Cro.Training.Features.Cohorts;

public static class CohortsApi
{
    public static IEndpointRouteBuilder MapCohortsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/training").WithTags("Grupy i zajęcia / Cohorts and sessions");
        api.MapCreateCohort();
        api.MapChangeCohort();
        api.MapMoveTeam();
        api.MapGetCohorts();
        api.MapScheduleSession();
        api.MapMoveSession();
        api.MapCancelSession();
        api.MapUpcomingSessions();
        api.MapCheckInCode();
        return app;
    }
}
