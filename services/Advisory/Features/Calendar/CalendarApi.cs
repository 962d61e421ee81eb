namespace Cro.Advisory.Features.Calendar;

public static class CalendarApi
{
    public static IEndpointRouteBuilder MapCalendarApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/advisory").WithTags("Kalendarz / Calendar").MapCalendarFeeds();
        return app;
    }
}
