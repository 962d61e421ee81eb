using Cro.BuildingBlocks.Calendar;

namespace Cro.Publishing.Features.Conferences;

/// <summary>
/// For anyone: GET /api/publishing/public/conferences — the published conferences, earliest first, with places left and
/// whether registration is open; GET …/public/conferences/{id} — one, with its agenda and what its registration form
/// asks (<see cref="PublicConferenceView"/>); GET …/public/conferences/{id}/calendar — it as an iCalendar file to add to
/// a calendar. A draft is 404 here.
/// </summary>
public static class PublicConferences
{
    /// <param name="Registration">not-yet-open, open or closed.</param>
    [OpenApiSchemaName("PublicConferenceSummary")]
    public sealed record ConferenceSummary(Guid Id, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Place, bool IsOnline, int PlacesLeft,
        string Registration, DateTimeOffset RegistrationClosesAt);

    public static IEndpointRouteBuilder MapPublicConferences(this IEndpointRouteBuilder api)
    {
        api.MapGet("/public/conferences", ListAsync)
            .WithName("ListPublicConferences").WithSummary("Konferencje / Conferences")
            .Produces<IReadOnlyList<ConferenceSummary>>()
            .AllowAnonymous();
        api.MapGet("/public/conferences/{id:guid}", GetAsync)
            .WithName("GetPublicConference").WithSummary("Konferencja z programem i formularzem zgłoszenia / A conference with its agenda and registration form")
            .Produces<PublicConferenceView>().ProducesProblem(StatusCodes.Status404NotFound)
            .AllowAnonymous();
        api.MapGet("/public/conferences/{id:guid}/calendar", CalendarAsync)
            .WithName("ConferenceCalendar").WithSummary("Konferencja w kalendarzu (iCalendar) / The conference for a calendar (iCalendar)")
            .ProducesFile(CalendarDocument.ContentType).ProducesProblem(StatusCodes.Status404NotFound)
            .AllowAnonymous();
        return api;
    }

    private static async Task<IResult> ListAsync(DataSession session, TimeProvider time)
    {
        var now = time.GetUtcNow();
        return TypedResults.Ok((await ConferenceRow.ListAsync(session, drafts: false)).Select(c => new ConferenceSummary(c.Id, c.Title,
            WarsawTime.InWarsaw(c.StartsAt), WarsawTime.InWarsaw(c.EndsAt), c.Place, c.OnlineUrl is not null, c.PlacesLeft, c.RegistrationAt(now),
            WarsawTime.InWarsaw(c.RegistrationClosesAt))).ToList());
    }

    private static async Task<IResult> GetAsync(Guid id, [RepeatableRead] DataSession session, TimeProvider time) =>
        await ConferenceRow.FindAsync(session, id) is { } conference
            ? TypedResults.Ok(await ConferenceViews.PublicAsync(session, conference, time.GetUtcNow()))
            : ConferenceRow.NotFound();

    private static async Task<IResult> CalendarAsync(Guid id, HttpContext context, DataSession session, TimeProvider time)
    {
        if (await ConferenceRow.FindAsync(session, id) is not { } conference)
        {
            return ConferenceRow.NotFound();
        }
        context.Response.Headers.ContentDisposition = "attachment; filename=\"konferencja.ics\"";
        return Results.Text(CalendarDocument.Feed(CalendarDocument.ConferenceProduct, conference.Title, [ConferenceCalendar.Entry(conference)], time.GetUtcNow()),
            CalendarDocument.ContentType, System.Text.Encoding.UTF8);
    }
}
