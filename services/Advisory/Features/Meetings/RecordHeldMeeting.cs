using Cro.Contracts;

namespace Cro.Advisory.Features.Meetings;

/// <summary>
/// POST /api/advisory/meetings/{id}/held — the advisor (or ORE) records a booked meeting, once it has started, as held:
/// how long it took, who was there (team members by id, others by name and role), notes and the next steps agreed.
/// Its minutes debit the engagement's budget, and the JST counts as covered by advisory. Recorded once (409 after).
/// </summary>
public static class RecordHeldMeeting
{
    public sealed record HeldMeetingRequest(int HeldMinutes, IReadOnlyList<MeetingParticipant> Participants, string? Notes, string? NextSteps);

    public sealed class Validator : AbstractValidator<HeldMeetingRequest>
    {
        public Validator()
        {
            RuleFor(r => r.HeldMinutes).InclusiveBetween(1, 600)
                .WithMessage(_ => Text.Pick("Czas spotkania to od 1 do 600 minut.", "A meeting takes 1 to 600 minutes."));
            RuleFor(r => r.Participants).Must(p => p is { Count: > 0 and <= 200 })
                .WithMessage(_ => Text.Pick("Podaj obecnych (od 1 do 200 osób).", "Give who was present (1 to 200 people)."));
            RuleForEach(r => r.Participants).Must(p => !string.IsNullOrWhiteSpace(p.FullName) && p.FullName.Length <= 200 && (p.Role?.Length ?? 0) <= 200)
                .WithMessage(_ => Text.Pick("Każdy obecny ma imię i nazwisko (do 200 znaków).", "Everyone present has a name (up to 200 characters)."));
            RuleFor(r => r.Notes).MaximumLength(10_000);
            RuleFor(r => r.NextSteps).MaximumLength(10_000);
        }
    }

    public static IEndpointRouteBuilder MapRecordHeldMeeting(this IEndpointRouteBuilder api)
    {
        api.MapPost("/meetings/{id:guid}/held", RecordAsync)
            .WithName("RecordHeldAdvisoryMeeting").WithSummary("Zapisz odbyte spotkanie / Record a meeting as held")
            .Validate<HeldMeetingRequest>().Produces<MeetingView>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.AdvisorOrOperator);
        return api;
    }

    private static async Task<IResult> RecordAsync(Guid id, HeldMeetingRequest request, DataSession session, TimeProvider time)
    {
        var now = time.GetUtcNow();
        if (await MeetingStore.FindAsync(session, id, forUpdate: true) is not { } meeting)
        {
            return ChangeMeeting.NotFound();
        }
        if (meeting.Status != MeetingStatus.Booked)
        {
            return Problems.Conflict("Tego spotkania nie można zapisać jako odbytego.", "This meeting cannot be recorded as held.",
                meeting.Status == MeetingStatus.Held ? "Spotkanie jest już zapisane." : "Spotkanie nie jest zarezerwowane (odwołane albo czeka na zgodę).",
                meeting.Status == MeetingStatus.Held ? "It is already recorded." : "It is not booked (cancelled, or awaiting approval).");
        }
        if (meeting.StartsAt > now)
        {
            return Problems.Conflict("Spotkanie jeszcze się nie zaczęło.", "The meeting has not started yet.",
                $"Zapiszesz je po {WarsawTime.Format(meeting.StartsAt)}.", $"Record it after {WarsawTime.Format(meeting.StartsAt)}.");
        }
        await session.ExecuteAsync($"""
            UPDATE meetings SET status = '{MeetingStatus.Held}', held_minutes = @HeldMinutes, notes = @notes, next_steps = @nextSteps, recorded_at = @now
            WHERE id = @id;
            INSERT INTO meeting_participants (meeting_id, jst_terc, ordinal, member_id, full_name, role)
            SELECT @id, @JstTerc, p.ordinal, p.member_id, p.full_name, p.role
            FROM unnest(@memberIds, @names, @roles) WITH ORDINALITY AS p (member_id, full_name, role, ordinal);
            """, new
        {
            id, request.HeldMinutes, notes = request.Notes?.Trim(), nextSteps = request.NextSteps?.Trim(), now = now.ToUniversalTime(), meeting.JstTerc,
            memberIds = request.Participants.Select(p => p.MemberId).ToArray(), names = request.Participants.Select(p => p.FullName.Trim()).ToArray(),
            roles = request.Participants.Select(p => p.Role?.Trim()).ToArray(),
        });
        await session.EnqueueAsync(new AdvisoryMeetingHeld
        {
            MeetingId = id, EngagementId = meeting.EngagementId, RoundId = meeting.RoundId, JstTerc = meeting.JstTerc, AdvisorId = meeting.AdvisorId,
            StartsAt = meeting.StartsAt, HeldMinutes = request.HeldMinutes, Stage = meeting.Stage, Participants = request.Participants.Count,
            RecordedAt = now,
        });
        var held = (await MeetingStore.FindAsync(session, id))!;
        var view = await MeetingStore.ViewAsync(session, held);
        await session.CommitAsync();
        return TypedResults.Ok(view);
    }
}
