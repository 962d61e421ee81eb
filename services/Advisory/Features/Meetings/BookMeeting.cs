using Cro.Advisory.Features.Access;
using Cro.Advisory.Features.Availability;
using Cro.Advisory.Features.Engagements;
using Npgsql;

namespace Cro.Advisory.Features.Meetings;

/// <summary>
/// GET /api/advisory/engagements/{id}/slots — the free times of the JST's advisor (between from and to, within the
/// horizon). POST /api/advisory/engagements/{id}/meetings — a team member (or the advisor, or ORE) books one: checked
/// again on the server (<see cref="BookingRules"/>); a meeting over what is left of the budget waits for an operator's
/// approval, holding its time. A booked meeting is announced (confirmation mails, reminders, calendars).
/// </summary>
public static class BookMeeting
{
    public sealed record BookMeetingRequest(DateTimeOffset StartsAt, string Topic, string Stage, string? Mode);

    public sealed class Validator : AbstractValidator<BookMeetingRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Topic).RequiredText(300)
                .WithMessage(_ => Text.Pick("Podaj temat spotkania (do 300 znaków).", "Give the meeting's topic (up to 300 characters)."));
            RuleFor(r => r.Stage).Must(s => MeetingStage.All.Contains(s))
                .WithMessage(_ => Text.Pick("Etap to diagnosis, plan, implementation albo other.", "The stage is diagnosis, plan, implementation or other."));
            RuleFor(r => r.Mode).Must(m => m is null || MeetingMode.All.Contains(m))
                .WithMessage(_ => Text.Pick("Forma to online albo onsite.", "The form is online or onsite."));
        }
    }

    public static IEndpointRouteBuilder MapBookMeeting(this IEndpointRouteBuilder api)
    {
        api.MapGet("/engagements/{id:guid}/slots", SlotsAsync)
            .WithName("FreeAdvisorySlots").WithSummary("Wolne terminy doradcy JST / The free times of the JST's advisor")
            .Produces<IReadOnlyList<FreeSlot>>().ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.AdvisoryParty);
        api.MapPost("/engagements/{id:guid}/meetings", BookAsync)
            .WithName("BookAdvisoryMeeting").WithSummary("Zarezerwuj spotkanie z doradcą / Book a meeting with the advisor")
            .Validate<BookMeetingRequest>().Produces<MeetingView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.AdvisoryParty);
        return api;
    }

    private static async Task<IResult> SlotsAsync(Guid id, DateTimeOffset? from, DateTimeOffset? to, DataSession session, TimeProvider time)
    {
        if (await session.QuerySingleOrDefaultAsync<EngagementRow>(EngagementRow.Select + " WHERE e.id = @id", new { id }) is not { } engagement)
        {
            return HandOver.NotFound();
        }
        var now = time.GetUtcNow();
        var (start, end) = (from ?? now, to ?? now.AddDays(28));
        if (end <= start || end - start > TimeSpan.FromDays(92))
        {
            return Problems.Field("to", "Okres to najwyżej 92 dni, koniec po początku.", "The period is at most 92 days, its end after its start.");
        }
        var week = await AvailabilityStore.WeekAsync(session, engagement.AdvisorId);
        var slots = FreeSlots.Between(week, await AvailabilityStore.ExceptionsAsync(session, engagement.AdvisorId, start, end),
            await AvailabilityStore.BusyAsync(session, engagement.AdvisorId, start - TimeSpan.FromDays(1), end + TimeSpan.FromDays(1)), now, start, end);
        var term = (From: WarsawTime.StartOf(engagement.StartsOn), To: WarsawTime.StartOf(engagement.EndsOn));
        return TypedResults.Ok(engagement.EndedAt is null ? slots.Where(s => s.StartsAt >= term.From && s.EndsAt <= term.To).ToList() : []);
    }

    private static async Task<IResult> BookAsync(Guid id, BookMeetingRequest request, HttpContext context, DataSession session, TimeProvider time)
    {
        var now = time.GetUtcNow();
        if (await session.QuerySingleOrDefaultAsync<EngagementRow>(EngagementRow.Select + " WHERE e.id = @id FOR UPDATE OF e", new { id }) is not { } engagement)
        {
            return HandOver.NotFound();
        }
        if (MeetingTerm.Refusal(engagement, request.StartsAt) is { } outOfTerm)
        {
            return outOfTerm;
        }
        var (slot, refusal) = await BookingRules.CheckAsync(session, engagement.AdvisorId, request.StartsAt, request.Mode, now);
        if (slot is null)
        {
            return refusal!;
        }
        // The engagement's row is locked: bookings of one JST queue up, so the budget check holds.
        var overBudget = (decimal)(slot.EndsAt - slot.StartsAt).TotalHours > engagement.HoursLeft;
        var caller = Caller.From(context.User);
        var meetingId = Guid.CreateVersion7();
        try
        {
            await session.ExecuteAsync("""
                INSERT INTO meetings (id, engagement_id, jst_terc, advisor_id, starts_at, ends_at, blocked, topic, stage, mode, location, status,
                                      booked_by, booked_by_name, booked_at)
                VALUES (@meetingId, @id, @JstTerc, @AdvisorId, @StartsAt, @EndsAt, tstzrange(@BlockedFrom, @BlockedTo), @topic, @Stage, @Mode, @Location,
                        @status, @by, @byName, @now)
                """, new
            {
                meetingId, id, engagement.JstTerc, engagement.AdvisorId, StartsAt = slot.StartsAt.ToUniversalTime(), EndsAt = slot.EndsAt.ToUniversalTime(),
                BlockedFrom = slot.BlockedFrom.ToUniversalTime(), BlockedTo = slot.BlockedTo.ToUniversalTime(), topic = request.Topic.Trim(),
                request.Stage, slot.Mode, slot.Location, status = overBudget ? MeetingStatus.AwaitingApproval : MeetingStatus.Booked,
                by = caller.UserId, byName = caller.DisplayName, now = now.ToUniversalTime(),
            });
        }
        catch (PostgresException e) when (BookingRules.IsDoubleBooking(e))
        {
            return BookingRules.TakenMeanwhile();
        }
        var meeting = (await MeetingStore.FindAsync(session, meetingId))!;
        if (!overBudget)
        {
            await session.EnqueueAsync(await MeetingStore.BookedEventAsync(session, meeting, previousStartsAt: null, now));
        }
        var view = await MeetingStore.ViewAsync(session, meeting);
        await session.CommitAsync();
        return TypedResults.Created($"/api/advisory/meetings/{meetingId}", view);
    }
}
