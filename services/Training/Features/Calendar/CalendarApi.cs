namespace Cro.Training.Features.Calendar;

public static class CalendarApi
{
    public static IEndpointRouteBuilder MapCalendarApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/training").WithTags("Kalendarz / Calendar").MapCalendarFeed();
        return app;
    }
}
