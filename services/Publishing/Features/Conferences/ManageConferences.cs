namespace Cro.Publishing.Features.Conferences;

/// <summary>
/// For ORE: GET /api/publishing/conferences — every conference, drafts too, earliest first, with its registrations counted
/// by status; GET /api/publishing/conferences/{id} — one.
/// </summary>
public static class ManageConferences
{
    public static IEndpointRouteBuilder MapManageConferences(this IEndpointRouteBuilder api)
    {
        api.MapGet("/conferences", ListAsync)
            .WithName("ListConferences").WithSummary("Konferencje (wszystkie, ze szkicami) / Conferences (all, drafts too)")
            .Produces<IReadOnlyList<ConferenceView>>()
            .RequireAuthorization(Policies.Operator);
        api.MapGet("/conferences/{id:guid}", GetAsync)
            .WithName("GetConference").WithSummary("Konferencja / A conference")
            .Produces<ConferenceView>().ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Operator);
        return api;
    }

    private static async Task<IResult> ListAsync([RepeatableRead] DataSession session, TimeProvider time)
    {
        var now = time.GetUtcNow();
        var views = new List<ConferenceView>();
        foreach (var conference in await ConferenceRow.ListAsync(session, drafts: true))
        {
            views.Add(await ConferenceViews.ForOperatorAsync(session, conference, now));
        }
        return TypedResults.Ok(views);
    }

    private static async Task<IResult> GetAsync(Guid id, [RepeatableRead] DataSession session, TimeProvider time) =>
        await ConferenceRow.FindAsync(session, id, drafts: true) is { } conference
            ? TypedResults.Ok(await ConferenceViews.ForOperatorAsync(session, conference, time.GetUtcNow()))
            : ConferenceRow.NotFound();
}
