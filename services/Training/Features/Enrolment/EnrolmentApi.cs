namespace Cro.Training.Features.Enrolment;

public static class EnrolmentApi
{
    public static IEndpointRouteBuilder MapEnrolmentApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/training").WithTags("Uczestnicy / Participants");
        api.MapWaitingTeams();
        api.MapGetTeam();
        return app;
    }
}
