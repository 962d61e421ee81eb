namespace Cro.Publishing.Features.Conferences;

/// <summary>
/// POST /api/publishing/conferences/{id}/publish — ORE publishes a draft: from then on anyone reads it and registers while
/// its registration is open. Publishing a published conference changes nothing.
/// </summary>
public static class PublishConference
{
    public static IEndpointRouteBuilder MapPublishConference(this IEndpointRouteBuilder api)
    {
        api.MapPost("/conferences/{id:guid}/publish", HandleAsync)
            .WithName("PublishConference").WithSummary("Opublikuj konferencję / Publish a conference")
            .Produces<ConferenceView>().ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Operator);
        return api;
    }

    private static async Task<IResult> HandleAsync(Guid id, DataSession session, TimeProvider time)
    {
        var now = time.GetUtcNow();
        if (await ConferenceRow.FindAsync(session, id, drafts: true, forUpdate: true) is null)
        {
            return ConferenceRow.NotFound();
        }
        await session.ExecuteAsync("""
            UPDATE conferences SET status = 'published', published_at = @now, updated_at = @now WHERE id = @id AND status = 'draft'
            """, new { id, now = now.ToUniversalTime() });
        var view = await ConferenceViews.ForOperatorAsync(session, (await ConferenceRow.FindAsync(session, id, drafts: true))!, now);
        await session.CommitAsync();
        return TypedResults.Ok(view);
    }
}
