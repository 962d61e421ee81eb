namespace Cro.Publishing.Features.Conferences.Registrations;

/// <summary>
/// GET /api/publishing/public/conference-registrations/{token} — the participant's registration through their link
/// (<see cref="ParticipantView"/>), whatever its status. GET …/data — the same as a file to keep: everything the service
/// holds about them (RODO art. 15 and 20). A token that names no registration is 404.
/// </summary>
public static class MyRegistration
{
    public static IEndpointRouteBuilder MapMyRegistration(this IEndpointRouteBuilder api)
    {
        api.MapGet("/public/conference-registrations/{token}", GetAsync)
            .WithName("GetMyConferenceRegistration").WithSummary("Moje zgłoszenie na konferencję, z łącza / My conference registration, through my link")
            .WithDescription("Token to ostatni segment adresu strony z e-maila (konferencje/zgloszenie/{token}). Akcje strony: confirm (pending), accept/decline (offered), consents, sessions, cancel; ticket przy potwierdzonym miejscu. / The token is the last segment of the mailed page's address (konferencje/zgloszenie/{token}). The page's actions: confirm (pending), accept/decline (offered), consents, sessions, cancel; the ticket with a confirmed place.")
            .Produces<ParticipantView>().ProducesProblem(StatusCodes.Status404NotFound)
            .AllowAnonymous();
        api.MapGet("/public/conference-registrations/{token}/data", ExportAsync)
            .WithName("ExportMyConferenceData").WithSummary("Moje dane ze zgłoszenia (plik JSON) / My data from the registration (a JSON file)")
            .Produces<ParticipantView>().ProducesProblem(StatusCodes.Status404NotFound)
            .AllowAnonymous();
        return api;
    }

    private static async Task<IResult> GetAsync(string token, HttpContext context, [RepeatableRead] DataSession session, ConferenceLinks links) =>
        await ReadAsync(token, context, session, links) is { } view ? TypedResults.Ok(view) : ParticipantLink.NotFound();

    private static async Task<IResult> ExportAsync(string token, HttpContext context, [RepeatableRead] DataSession session, ConferenceLinks links)
    {
        if (await ReadAsync(token, context, session, links) is not { } view)
        {
            return ParticipantLink.NotFound();
        }
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"konferencja-moje-dane-{view.Id}.json\"";
        return TypedResults.Ok(view);
    }

    private static async Task<ParticipantView?> ReadAsync(string token, HttpContext context, DataSession session, ConferenceLinks links)
    {
        if (await ParticipantLink.FindAsync(session, token) is not { } registration)
        {
            return null;
        }
        // Personal data: no cache keeps it, and no page the link opens is indexed.
        context.Response.Headers.CacheControl = "private, no-store";
        var conference = (await ConferenceRow.FindAsync(session, registration.ConferenceId, drafts: true))!;
        return await ParticipantViews.ReadAsync(session, conference, registration, links);
    }
}
