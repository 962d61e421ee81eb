using Cro.Advisory.Features.Access;
using Cro.Advisory.Features.Engagements;
using Cro.Contracts;
using Microsoft.Extensions.Options;

namespace Cro.Advisory.Features.Meetings;

/// <summary>
/// POST /api/advisory/meetings/{id}/cancel — the team (up to the change notice), the advisor or ORE (at any time) cancel
/// a meeting with a reason; an operator's refusal of an over-budget meeting is this too. Its time is free again, its
/// reminders stop, and every attendee's calendar drops it (METHOD:CANCEL).
/// </summary>
public static class CancelMeeting
{
    public sealed record CancelMeetingRequest(string Reason);

    public sealed class Validator : AbstractValidator<CancelMeetingRequest>
    {
        public Validator() => RuleFor(r => r.Reason).RequiredText(1000)
            .WithMessage(_ => Text.Pick("Podaj powód odwołania (do 1000 znaków).", "Give the reason for cancelling (up to 1000 characters)."));
    }

    public static IEndpointRouteBuilder MapCancelMeeting(this IEndpointRouteBuilder api)
    {
        api.MapPost("/meetings/{id:guid}/cancel", CancelAsync)
            .WithName("CancelAdvisoryMeeting").WithSummary("Odwołaj spotkanie / Cancel a meeting")
            .Validate<CancelMeetingRequest>().Produces<MeetingView>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.AdvisoryParty);
        return api;
    }

    private static async Task<IResult> CancelAsync(Guid id, CancelMeetingRequest request, HttpContext context, DataSession session, TimeProvider time,
        IOptions<MeetingOptions> options)
    {
        var now = time.GetUtcNow();
        var caller = Caller.From(context.User);
        if (await MeetingStore.FindAsync(session, id, forUpdate: true) is not { } meeting)
        {
            return ChangeMeeting.NotFound();
        }
        if (ChangeMeeting.ChangeRefusal(meeting, caller, now, options.Value) is { } refused)
        {
            return refused;
        }
        var cancelled = await MeetingStore.ViewAsync(session, await CancelOneAsync(session, meeting, request.Reason.Trim(), caller.DisplayName, now));
        await session.CommitAsync();
        return TypedResults.Ok(cancelled);
    }

    internal static async Task CancelAllAsync(DataSession session, Guid engagementId, string reason, DateTimeOffset now)
    {
        var open = await session.QueryAsync<Guid>($"""
            SELECT id FROM meetings WHERE engagement_id = @engagementId AND status IN ('{MeetingStatus.Booked}', '{MeetingStatus.AwaitingApproval}')
            ORDER BY starts_at FOR UPDATE
            """, new { engagementId });
        foreach (var id in open)
        {
            await CancelOneAsync(session, (await MeetingStore.FindAsync(session, id))!, reason, "ORE", now);
        }
    }

    private static async Task<MeetingRow> CancelOneAsync(DataSession session, MeetingRow meeting, string reason, string by, DateTimeOffset now)
    {
        await session.ExecuteAsync($"""
            UPDATE meetings SET status = '{MeetingStatus.Cancelled}', cancelled_at = @now, cancelled_by_name = @by, cancel_reason = @reason,
                sequence = sequence + 1
            WHERE id = @Id
            """, new { meeting.Id, now = now.ToUniversalTime(), by, reason });
        var cancelled = (await MeetingStore.FindAsync(session, meeting.Id))!;
        // A meeting that waited for approval was never announced: there is nothing to call off in anyone's calendar.
        if (meeting.Status == MeetingStatus.Booked)
        {
            await session.EnqueueAsync(new AdvisoryMeetingCancelled
            {
                MeetingId = meeting.Id, EngagementId = meeting.EngagementId, JstTerc = meeting.JstTerc, JstName = meeting.JstName,
                StartsAt = meeting.StartsAt, EndsAt = meeting.EndsAt, Topic = meeting.Topic, Reason = reason, CancelledBy = by,
                CalendarUid = meeting.CalendarUid, Sequence = cancelled.Sequence, Attendees = await MeetingStore.AttendeesAsync(session, meeting),
                CancelledAt = now,
            });
        }
        return cancelled;
    }
}
