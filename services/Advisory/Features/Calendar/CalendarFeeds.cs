using System.Data;
using Cro.Advisory.Features.Access;
using Cro.Advisory.Features.Advisors;
using Cro.Advisory.Features.Meetings;
using Cro.BuildingBlocks.Calendar;
using Npgsql;

namespace Cro.Advisory.Features.Calendar;

/// <summary>
/// Advisory meetings as calendar feeds that calendar apps subscribe to, by a secret address (<see cref="CalendarFeedToken"/>):
/// POST /api/advisory/advisors/me/calendar-feed issues an advisor the address of their meetings' feed, POST
/// /api/advisory/team/calendar-feed a team member the address of their team's; a new address replaces the holder's old one.
/// GET /api/advisory/calendar/{token}.ics serves the feed to whoever holds the address: the meetings of the last year and
/// all to come, while the advisor is active or the holder is still a member of a team in the programme.
/// </summary>
public static class CalendarFeeds
{
    public sealed record CalendarFeedIssued(Uri Url);

    /// <summary>How far back a feed reaches: a year of past meetings, every one to come.</summary>
    private static readonly TimeSpan History = TimeSpan.FromDays(365);

    private static class Kind
    {
        public const string Advisor = "advisor";
        public const string Team = "team";
    }

    public static IEndpointRouteBuilder MapCalendarFeeds(this IEndpointRouteBuilder api)
    {
        api.MapPost("/advisors/me/calendar-feed", IssueAdvisorsAsync)
            .WithName("IssueAdvisorCalendarFeed")
            .WithSummary("Nowy adres kalendarza moich spotkań doradczych / A new address of my advisory meetings' calendar")
            .Produces<CalendarFeedIssued>().ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.AdvisorOrOperator);
        api.MapPost("/team/calendar-feed", IssueTeamsAsync)
            .WithName("IssueTeamCalendarFeed")
            .WithSummary("Nowy adres kalendarza spotkań doradczych mojego zespołu / A new address of my team's advisory meetings' calendar")
            .Produces<CalendarFeedIssued>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.JstTeam);
        api.MapGet("/calendar/{token}.ics", FeedAsync)
            .WithName("AdvisoryCalendarFeed")
            .WithSummary("Kalendarz spotkań doradczych (iCalendar) / Advisory meetings' calendar (iCalendar)")
            .Produces(StatusCodes.Status200OK, contentType: CalendarDocument.ContentType).ProducesProblem(StatusCodes.Status404NotFound)
            // The secret in the address is the credential: calendar apps subscribe without signing in.
            .AllowAnonymous();
        return api;
    }

    private static async Task<IResult> IssueAdvisorsAsync(HttpContext context, DataSession session, IConfiguration configuration, TimeProvider time)
    {
        var caller = Caller.From(context.User);
        var (advisorId, refusal) = await AdvisorLookup.ResolveAsync(session, caller, advisorId: null);
        if (advisorId is null)
        {
            return refusal!;
        }
        return await IssueAsync(session, context, configuration, time, caller, Kind.Advisor, advisorId, applicationId: null);
    }

    private static async Task<IResult> IssueTeamsAsync(HttpContext context, DataSession session, IConfiguration configuration, TimeProvider time)
    {
        var caller = Caller.From(context.User);
        // The caller's team, as recruitment announced it: row-level security already narrows the rows to the caller's JST.
        var applicationId = await session.QueryFirstOrDefaultAsync<Guid?>("""
            SELECT t.application_id FROM teams t JOIN team_members m ON m.application_id = t.application_id
            WHERE t.withdrawn_at IS NULL AND m.left_at IS NULL AND lower(m.email) = lower(@Email)
            ORDER BY t.accepted_at DESC LIMIT 1
            """, new { Email = caller.Email ?? "" });
        if (applicationId is null)
        {
            return Problems.Forbidden("Kalendarz zespołu jest dla członków zespołu zadaniowego JST w programie.",
                "The team's calendar is for members of a JST task team in the programme.");
        }
        return await IssueAsync(session, context, configuration, time, caller, Kind.Team, advisorId: null, applicationId);
    }

    private static async Task<IResult> IssueAsync(DataSession session, HttpContext context, IConfiguration configuration, TimeProvider time,
        Caller caller, string kind, Guid? advisorId, Guid? applicationId)
    {
        if (caller.Email is null)
        {
            return Problems.Forbidden("Kalendarz jest dla osób z adresem e-mail na koncie.", "The calendar is for people with an e-mail address.");
        }
        var token = CalendarFeedToken.New();
        await session.ExecuteAsync("""
            INSERT INTO calendar_feeds (id, kind, holder_email, holder_user_id, advisor_id, application_id, token_hash, created_at)
            VALUES (@id, @kind, lower(@Email), @UserId, @advisorId, @applicationId, @hash, @now)
            ON CONFLICT (kind, holder_email) DO UPDATE SET holder_user_id = excluded.holder_user_id, advisor_id = excluded.advisor_id,
                application_id = excluded.application_id, token_hash = excluded.token_hash, created_at = excluded.created_at
            """, new
        {
            id = Guid.CreateVersion7(), kind, caller.Email, caller.UserId, advisorId, applicationId, hash = CalendarFeedToken.Hash(token),
            now = time.GetUtcNow().ToUniversalTime(),
        });
        await session.CommitAsync();
        return TypedResults.Ok(new CalendarFeedIssued(new Uri(PublicAddress.Of(configuration, context.Request), $"api/advisory/calendar/{token}.ics")));
    }

    private sealed record Feed(string Kind, string HolderEmail, Guid? AdvisorId, Guid? ApplicationId, string Name);

    private static async Task<IResult> FeedAsync(string token, HttpContext context, NpgsqlDataSource db, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        // Anonymous, so no caller's scope: every query below is bound to the feed's advisor or team instead. One snapshot.
        await using var session = await DataSession.OpenAsync(db, JstScope.All, ct, IsolationLevel.RepeatableRead);
        // Only a feed whose holder still has the access it was issued for: an active advisor, a present member of a team in the programme.
        var feed = CalendarFeedToken.Hash(token) is { } hash
            ? await session.QuerySingleOrDefaultAsync<Feed>($"""
                SELECT f.kind, f.holder_email, f.advisor_id, f.application_id,
                       CASE f.kind WHEN '{Kind.Advisor}' THEN 'Doradztwo CRO — ' || a.full_name ELSE 'Doradztwo CRO — ' || t.jst_name END AS name
                FROM calendar_feeds f
                LEFT JOIN advisors a ON a.id = f.advisor_id AND a.active
                LEFT JOIN teams t ON t.application_id = f.application_id AND t.withdrawn_at IS NULL
                WHERE f.token_hash = @hash
                  AND (a.id IS NOT NULL OR EXISTS (SELECT 1 FROM team_members m
                       WHERE m.application_id = t.application_id AND m.left_at IS NULL AND lower(m.email) = f.holder_email))
                """, new { hash })
            : null;
        if (feed is null)
        {
            return CalendarFeedToken.Unknown();
        }
        var meetings = await session.QueryAsync<MeetingRow>(MeetingRow.Select + """
             WHERE m.starts_at >= @since AND (m.advisor_id = @AdvisorId OR e.application_id = @ApplicationId)
            ORDER BY m.starts_at, m.id
            """, new { since = (now - History).ToUniversalTime(), feed.AdvisorId, feed.ApplicationId });
        return CalendarFeedToken.Serve(context, MeetingCalendar.Write(feed.Name, meetings, now));
    }
}
