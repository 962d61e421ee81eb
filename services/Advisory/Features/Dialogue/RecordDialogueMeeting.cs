using Cro.Contracts;

namespace Cro.Advisory.Features.Dialogue;

/// <summary>
/// POST /api/advisory/dialogue-meetings/{id}/held — the team or the advisor records a planned dialogue meeting, once
/// it has started, as held: the stakeholders present by type, the minutes and the conclusions; announced with its
/// counts (monitoring counts the stakeholders reached). POST …/cancel calls a planned one off.
/// </summary>
public static class RecordDialogueMeeting
{
    public sealed record HeldDialogueRequest(IReadOnlyDictionary<string, int> Present, string? Minutes, string? Conclusions);

    public sealed class Validator : AbstractValidator<HeldDialogueRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Present).NotNull().ValidCounts();
            RuleFor(r => r.Present).Must(p => p is null || p.Values.Sum() > 0)
                .WithMessage(_ => Text.Pick("Podaj, ile osób było obecnych.", "Give how many people were present."));
            RuleFor(r => r.Minutes).MaximumLength(20_000);
            RuleFor(r => r.Conclusions).MaximumLength(20_000);
        }
    }

    public static IEndpointRouteBuilder MapRecordDialogueMeeting(this IEndpointRouteBuilder api)
    {
        api.MapPost("/dialogue-meetings/{id:guid}/held", HeldAsync)
            .WithName("RecordHeldDialogueMeeting").WithSummary("Zapisz odbyte spotkanie dialogowe / Record a dialogue meeting as held")
            .Validate<HeldDialogueRequest>().Produces<DialogueMeetingView>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.AdvisoryParty);
        api.MapPost("/dialogue-meetings/{id:guid}/cancel", CancelAsync)
            .WithName("CancelDialogueMeeting").WithSummary("Odwołaj spotkanie dialogowe / Cancel a dialogue meeting")
            .Produces<DialogueMeetingView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.AdvisoryParty);
        return api;
    }

    private static async Task<IResult> HeldAsync(Guid id, HeldDialogueRequest request, DataSession session, TimeProvider time)
    {
        var now = time.GetUtcNow();
        if (await DialogueStore.FindAsync(session, id, forUpdate: true) is not { } meeting)
        {
            return DialogueStore.NotFound();
        }
        if (NotPlanned(meeting) is { } refused)
        {
            return refused;
        }
        if (meeting.StartsAt > now)
        {
            return Problems.Conflict("Spotkanie jeszcze się nie zaczęło.", "The meeting has not started yet.",
                $"Zapiszesz je po {WarsawTime.Format(meeting.StartsAt)}.", $"Record it after {WarsawTime.Format(meeting.StartsAt)}.");
        }
        await session.ExecuteAsync($"""
            UPDATE dialogue_meetings SET status = '{DialogueStatus.Held}', present = @present::jsonb, minutes = @minutes, conclusions = @conclusions,
                recorded_at = @now
            WHERE id = @id
            """, new { id, present = Stakeholders.ToJson(request.Present), minutes = request.Minutes?.Trim(), conclusions = request.Conclusions?.Trim(),
            now = now.ToUniversalTime() });
        await session.EnqueueAsync(new DialogueMeetingHeld
        {
            DialogueMeetingId = id, RoundId = meeting.RoundId, JstTerc = meeting.JstTerc, Kind = meeting.Kind, HeldAt = meeting.StartsAt,
            Present = Stakeholders.Complete(request.Present), RecordedAt = now,
        });
        var view = await DialogueStore.ViewAsync(session, (await DialogueStore.FindAsync(session, id))!);
        await session.CommitAsync();
        return TypedResults.Ok(view);
    }

    private static async Task<IResult> CancelAsync(Guid id, DataSession session)
    {
        if (await DialogueStore.FindAsync(session, id, forUpdate: true) is not { } meeting)
        {
            return DialogueStore.NotFound();
        }
        if (NotPlanned(meeting) is { } refused)
        {
            return refused;
        }
        await session.ExecuteAsync($"UPDATE dialogue_meetings SET status = '{DialogueStatus.Cancelled}' WHERE id = @id", new { id });
        var view = await DialogueStore.ViewAsync(session, (await DialogueStore.FindAsync(session, id))!);
        await session.CommitAsync();
        return TypedResults.Ok(view);
    }

    private static IResult? NotPlanned(DialogueMeetingRow meeting) => meeting.Status == DialogueStatus.Planned ? null
        : Problems.Conflict("To spotkanie nie jest już zaplanowane.", "This meeting is no longer planned.",
            meeting.Status == DialogueStatus.Held ? "Spotkanie jest już zapisane jako odbyte." : "Spotkanie jest odwołane.",
            meeting.Status == DialogueStatus.Held ? "It is already recorded as held." : "It is cancelled.");
}
