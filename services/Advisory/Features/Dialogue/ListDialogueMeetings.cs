namespace Cro.Advisory.Features.Dialogue;

/// <summary>
/// GET /api/advisory/dialogue-meetings — the dialogue meetings and debates the caller may see (a team its JST's, an
/// advisor their JST's, ORE every one), optionally of one engagement; GET …/{id} — one; GET …/{id}/registrations — who
/// registered for a public debate (names and types: for the team, its advisor and ORE only).
/// </summary>
public static class ListDialogueMeetings
{
    public sealed record DebateRegistration(Guid Id, string FullName, string Email, string StakeholderType, DateTimeOffset RegisteredAt);

    public static IEndpointRouteBuilder MapListDialogueMeetings(this IEndpointRouteBuilder api)
    {
        api.MapGet("/dialogue-meetings", ListAsync)
            .WithName("ListDialogueMeetings").WithSummary("Spotkania dialogowe i debaty oświatowe / Dialogue meetings and education debates")
            .Produces<IReadOnlyList<DialogueMeetingView>>()
            .RequireAuthorization(Policies.AdvisoryParty);
        api.MapGet("/dialogue-meetings/{id:guid}", GetAsync)
            .WithName("GetDialogueMeeting").WithSummary("Spotkanie dialogowe / A dialogue meeting")
            .Produces<DialogueMeetingView>().ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.AdvisoryParty);
        api.MapGet("/dialogue-meetings/{id:guid}/registrations", RegistrationsAsync)
            .WithName("DebateRegistrations").WithSummary("Zgłoszenia na debatę / Registrations for a debate")
            .Produces<IReadOnlyList<DebateRegistration>>().ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.AdvisoryParty);
        return api;
    }

    private static async Task<IResult> ListAsync(Guid? engagementId, DataSession session)
    {
        var rows = await session.QueryAsync<DialogueMeetingRow>(DialogueMeetingRow.Select + """
             WHERE (@engagementId::uuid IS NULL OR d.engagement_id = @engagementId) ORDER BY d.starts_at DESC, d.id
            """, new { engagementId });
        var views = new List<DialogueMeetingView>();
        foreach (var row in rows)
        {
            views.Add(await DialogueStore.ViewAsync(session, row));
        }
        return TypedResults.Ok(views);
    }

    private static async Task<IResult> GetAsync(Guid id, DataSession session) =>
        await DialogueStore.FindAsync(session, id) is { } row ? TypedResults.Ok(await DialogueStore.ViewAsync(session, row)) : DialogueStore.NotFound();

    private static async Task<IResult> RegistrationsAsync(Guid id, DataSession session)
    {
        if (await DialogueStore.FindAsync(session, id) is null)
        {
            return DialogueStore.NotFound();
        }
        return TypedResults.Ok((await session.QueryAsync<DebateRegistration>("""
            SELECT id, full_name, email, stakeholder_type, registered_at FROM dialogue_registrations
            WHERE dialogue_meeting_id = @id ORDER BY registered_at, id
            """, new { id })).ToList());
    }
}
