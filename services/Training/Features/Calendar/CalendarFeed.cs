using Cro.BuildingBlocks.Calendar;
using Cro.Training.Features.Access;
using Cro.Training.Features.Sessions;
using Npgsql;

namespace Cro.Training.Features.Calendar;

/// <summary>
/// A person's sessions as a calendar feed that calendar apps subscribe to. They cannot send a bearer token,
/// so the feed's address carries a secret of the person's own:
/// POST /api/training/me/calendar-feed issues it (a new one replaces the old, which stops working), and
/// GET /api/training/calendar/{token}.ics serves the feed to whoever holds it. Only the token's hash is kept.
/// GET /api/training/me/sessions gives the same sessions as JSON, for the signed-in person.
/// </summary>
public static class CalendarFeed
{
    [OpenApiSchemaName("CalendarFeedLink")]
    public sealed record Issued(Uri Url);

    public static IEndpointRouteBuilder MapCalendarFeed(this IEndpointRouteBuilder api)
    {
        api.MapPost("/me/calendar-feed", IssueAsync)
            .WithName("IssueCalendarFeed").WithSummary("Nowy adres mojego kalendarza zajęć / A new address of my sessions' calendar")
            .Produces<Issued>().RequireAuthorization(Policies.Person);
        api.MapGet("/calendar/{token}.ics", FeedAsync)
            .WithName("CalendarFeed").WithSummary("Kalendarz zajęć (iCalendar) / Sessions' calendar (iCalendar)")
            .ProducesFile(CalendarDocument.ContentType).ProducesProblem(StatusCodes.Status404NotFound)
            // The secret in the address is the credential: calendar apps subscribe without signing in.
            .AllowAnonymous();
        api.MapGet("/me/sessions", MineAsync)
            .WithName("MySessions").WithSummary("Moje zajęcia / My sessions")
            .Produces<IReadOnlyList<SessionView>>().RequireAuthorization(Policies.Person);
        return api;
    }

    private static async Task<IResult> IssueAsync(HttpContext context, DataSession session, IConfiguration configuration, TimeProvider time)
    {
        var caller = Caller.From(context.User);
        if (caller.UserId is not { } userId || caller.Email is null)
        {
            return Problems.Forbidden("Kalendarz jest dla osób z kontem i adresem e-mail.", "The calendar is for people with an account and an e-mail address.");
        }
        var token = CalendarFeedToken.New();
        await session.ExecuteAsync("""
            INSERT INTO calendar_feeds (user_id, email, token_hash, created_at) VALUES (@userId, @email, @hash, @now)
            ON CONFLICT (user_id) DO UPDATE SET email = excluded.email, token_hash = excluded.token_hash, created_at = excluded.created_at
            """, new { userId, email = caller.Email, hash = CalendarFeedToken.Hash(token), now = time.GetUtcNow().ToUniversalTime() });
        await session.CommitAsync();
        return TypedResults.Ok(new Issued(new Uri(PublicAddress.Of(configuration, context.Request), $"api/training/calendar/{token}.ics")));
    }

    private sealed record Feed(Guid UserId, string Email);

    private static async Task<IResult> FeedAsync(string token, HttpContext context, NpgsqlDataSource db, TimeProvider time, CancellationToken ct)
    {
        await using var session = await PersonSchedule.OpenAsync(db, ct);
        var feed = CalendarFeedToken.Hash(token) is { } hash
            ? await session.QuerySingleOrDefaultAsync<Feed>("SELECT user_id, email FROM calendar_feeds WHERE token_hash = @hash", new { hash })
            : null;
        if (feed is null)
        {
            return CalendarFeedToken.Unknown();
        }
        var sessions = await PersonSchedule.SessionsAsync(session, feed.UserId, feed.Email);
        return CalendarFeedToken.Serve(context, SessionCalendar.Write("Szkolenia CRO", sessions, time.GetUtcNow()));
    }

    private static async Task<IResult> MineAsync(HttpContext context, NpgsqlDataSource db, CancellationToken ct)
    {
        var caller = Caller.From(context.User);
        if (caller.UserId is null && caller.Email is null)
        {
            return TypedResults.Ok(Array.Empty<SessionView>());
        }
        await using var session = await PersonSchedule.OpenAsync(db, ct);
        var sessions = await PersonSchedule.SessionsAsync(session, caller.UserId, caller.Email);
        return TypedResults.Ok(sessions.Select(s => s.ToView()).ToList());
    }
}
