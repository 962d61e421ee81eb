using Cro.Advisory.Features.Access;

namespace Cro.Advisory.Features.Meetings;

/// <summary>
/// GET /api/advisory/meetings — the caller's meetings between from and to (default: from now, four weeks): an advisor's
/// own (their calendar), a team's (its JST's), ORE's every one, optionally of one engagement or in one status.
/// GET /api/advisory/meetings/{id} — one, with who was there.
/// </summary>
public static class ListMeetings
{
    public static IEndpointRouteBuilder MapListMeetings(this IEndpointRouteBuilder api)
    {
        api.MapGet("/meetings", ListAsync)
            .WithName("ListAdvisoryMeetings").WithSummary("Spotkania doradcze / Advisory meetings")
            .Produces<IReadOnlyList<MeetingView>>().ProducesValidationProblem()
            .RequireAuthorization(Policies.AdvisoryParty);
        api.MapGet("/meetings/{id:guid}", GetAsync)
            .WithName("GetAdvisoryMeeting").WithSummary("Spotkanie doradcze / An advisory meeting")
            .Produces<MeetingView>().ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.AdvisoryParty);
        return api;
    }

    private static async Task<IResult> ListAsync(DateTimeOffset? from, DateTimeOffset? to, Guid? engagementId, string? status, HttpContext context,
        DataSession session, TimeProvider time)
    {
        var now = time.GetUtcNow();
        var (start, end) = (from ?? now, to ?? now.AddDays(28));
        if (end <= start || end - start > TimeSpan.FromDays(400))
        {
            return Problems.Field("to", "Okres to najwyżej 400 dni, koniec po początku.", "The period is at most 400 days, its end after its start.");
        }
        var caller = Caller.From(context.User);
        // An advisor's calendar is their own meetings: a JST they advised before a handover may still be in scope.
        var onlyMine = caller.IsAdvisor && !caller.IsOperator;
        var rows = await session.QueryAsync<MeetingRow>(MeetingRow.Select + $"""
             WHERE m.starts_at < @end AND m.ends_at > @start AND (@engagementId::uuid IS NULL OR m.engagement_id = @engagementId)
               AND (@status::text IS NULL OR m.status = @status) AND (NOT @onlyMine OR {Caller.Match("a")})
            ORDER BY m.starts_at, m.id
            """, new
        {
            start = start.ToUniversalTime(), end = end.ToUniversalTime(), engagementId, status, onlyMine, caller.UserId, Email = caller.Email ?? "",
        });
        var views = new List<MeetingView>();
        foreach (var row in rows)
        {
            views.Add(await MeetingStore.ViewAsync(session, row));
        }
        return TypedResults.Ok(views);
    }

    private static async Task<IResult> GetAsync(Guid id, DataSession session) =>
        await MeetingStore.FindAsync(session, id) is { } meeting ? TypedResults.Ok(await MeetingStore.ViewAsync(session, meeting)) : ChangeMeeting.NotFound();
}
