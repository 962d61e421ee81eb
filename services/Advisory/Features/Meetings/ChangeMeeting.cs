using Cro.Advisory.Features.Access;
using Cro.Advisory.Features.Engagements;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Cro.Advisory.Features.Meetings;

/// <summary>
/// PUT /api/advisory/meetings/{id}/time — move a booked meeting to another free time, under the same checks as a
/// booking. A team moves it only up to the change notice before it starts (data: Advisory:Meetings:ChangeNoticeHours);
/// the advisor and ORE at any time. Every attendee's calendar gets the new time (SEQUENCE grows).
/// </summary>
public static class ChangeMeeting
{
    public sealed record MoveMeetingRequest(DateTimeOffset StartsAt);

    public sealed class Validator : AbstractValidator<MoveMeetingRequest>
    {
        public Validator() => RuleFor(r => r.StartsAt).NotEmpty();
    }

    public static IEndpointRouteBuilder MapChangeMeeting(this IEndpointRouteBuilder api)
    {
        api.MapPut("/meetings/{id:guid}/time", MoveAsync)
            .WithName("MoveAdvisoryMeeting").WithSummary("Przenieś spotkanie na inny termin / Move a meeting to another time")
            .Validate<MoveMeetingRequest>().Produces<MeetingView>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.AdvisoryParty);
        return api;
    }

    private static async Task<IResult> MoveAsync(Guid id, MoveMeetingRequest request, HttpContext context, DataSession session, TimeProvider time,
        IOptions<MeetingOptions> options)
    {
        var now = time.GetUtcNow();
        if (await MeetingStore.FindAsync(session, id, forUpdate: true) is not { } meeting)
        {
            return NotFound();
        }
        if (ChangeRefusal(meeting, Caller.From(context.User), now, options.Value) is { } refused)
        {
            return refused;
        }
        var engagement = (await session.QuerySingleAsync<EngagementRow>(EngagementRow.Select + " WHERE e.id = @EngagementId", new { meeting.EngagementId }));
        if (MeetingTerm.Refusal(engagement, request.StartsAt) is { } outOfTerm)
        {
            return outOfTerm;
        }
        var (slot, refusal) = await BookingRules.CheckAsync(session, meeting.AdvisorId, request.StartsAt, meeting.Mode, now, except: id);
        if (slot is null)
        {
            return refusal!;
        }
        try
        {
            await session.ExecuteAsync("""
                UPDATE meetings SET starts_at = @StartsAt, ends_at = @EndsAt, blocked = tstzrange(@BlockedFrom, @BlockedTo), location = @Location,
                    sequence = sequence + 1
                WHERE id = @id
                """, new
            {
                id, StartsAt = slot.StartsAt.ToUniversalTime(), EndsAt = slot.EndsAt.ToUniversalTime(), BlockedFrom = slot.BlockedFrom.ToUniversalTime(),
                BlockedTo = slot.BlockedTo.ToUniversalTime(), slot.Location,
            });
        }
        catch (PostgresException e) when (BookingRules.IsDoubleBooking(e))
        {
            return BookingRules.TakenMeanwhile();
        }
        var moved = (await MeetingStore.FindAsync(session, id))!;
        if (moved.Status == MeetingStatus.Booked)
        {
            await session.EnqueueAsync(await MeetingStore.BookedEventAsync(session, moved, meeting.StartsAt, now));
        }
        var view = await MeetingStore.ViewAsync(session, moved);
        await session.CommitAsync();
        return TypedResults.Ok(view);
    }

    /// <summary>
    /// Why the caller may not change the meeting now: it is held or cancelled (409), or the caller is its team and the
    /// change notice has passed (409, naming whom to ask).
    /// </summary>
    internal static IResult? ChangeRefusal(MeetingRow meeting, Caller caller, DateTimeOffset now, MeetingOptions options)
    {
        if (meeting.Status is MeetingStatus.Held or MeetingStatus.Cancelled)
        {
            return Problems.Conflict("Spotkania nie można już zmienić.", "The meeting can no longer be changed.",
                meeting.Status == MeetingStatus.Held ? "Spotkanie się odbyło." : "Spotkanie jest odwołane.",
                meeting.Status == MeetingStatus.Held ? "The meeting was held." : "The meeting is cancelled.");
        }
        var ownNotice = caller.IsOperator || caller.IsAdvisor;
        if (!ownNotice && meeting.StartsAt - now < TimeSpan.FromHours(options.ChangeNoticeHours))
        {
            return Problems.Conflict("Za późno na zmianę.", "Too late to change.",
                $"Spotkanie zmienia się najpóźniej {options.ChangeNoticeHours} h przed początkiem; teraz zrobi to tylko doradca ({meeting.AdvisorName}).",
                $"A meeting is changed at least {options.ChangeNoticeHours} h before it starts; now only the advisor ({meeting.AdvisorName}) can.");
        }
        return null;
    }

    internal static IResult NotFound() =>
        ProblemDetailsDefaults.NotFound("Nie ma takiego spotkania albo nie masz do niego dostępu.", "There is no such meeting, or you have no access to it.");
}
