namespace Cro.Advisory.Features.Meetings;

public static class MeetingsApi
{
    public static IEndpointRouteBuilder MapMeetingsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/advisory").WithTags("Spotkania doradcze / Advisory meetings");
        api.MapBookMeeting();
        api.MapChangeMeeting();
        api.MapCancelMeeting();
        api.MapApproveMeeting();
        api.MapRecordHeldMeeting();
        api.MapListMeetings();
        return app;
    }
}
