namespace Cro.Advisory.Features.Meetings;

/// <summary>
/// POST /api/advisory/meetings/{id}/approve — an operator approves a meeting booked over the engagement's budget: it is
/// booked from then on, and announced like any booking. (Refusing it is cancelling it, with the reason.)
/// </summary>
public static class ApproveMeeting
{
    public static IEndpointRouteBuilder MapApproveMeeting(this IEndpointRouteBuilder api)
    {
        api.MapPost("/meetings/{id:guid}/approve", ApproveAsync)
            .WithName("ApproveOverBudgetMeeting").WithSummary("Zatwierdź spotkanie ponad budżet / Approve a meeting over the budget")
            .Produces<MeetingView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Operator);
        return api;
    }

    private static async Task<IResult> ApproveAsync(Guid id, HttpContext context, DataSession session, TimeProvider time)
    {
        var now = time.GetUtcNow();
        if (await MeetingStore.FindAsync(session, id, forUpdate: true) is not { } meeting)
        {
            return ChangeMeeting.NotFound();
        }
        if (meeting.Status != MeetingStatus.AwaitingApproval)
        {
            return Problems.Conflict("To spotkanie nie czeka na zgodę.", "This meeting awaits no approval.",
                "Zgody wymaga tylko spotkanie ponad budżet godzin.", "Only a meeting over the hours budget needs approval.");
        }
        await session.ExecuteAsync($"UPDATE meetings SET status = '{MeetingStatus.Booked}', approved_by = @by WHERE id = @id",
            new { id, by = context.User.PersonId() });
        var approved = (await MeetingStore.FindAsync(session, id))!;
        await session.EnqueueAsync(await MeetingStore.BookedEventAsync(session, approved, previousStartsAt: null, now));
        var view = await MeetingStore.ViewAsync(session, approved);
        await session.CommitAsync();
        return TypedResults.Ok(view);
    }
}
