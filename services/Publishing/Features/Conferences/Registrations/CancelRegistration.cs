namespace Cro.Publishing.Features.Conferences.Registrations;

/// <summary>
/// POST /api/publishing/public/conference-registrations/{token}/cancel — the participant cancels through their link, which
/// withdraws their consents and erases what is no longer needed (<see cref="ParticipantErasure"/>). A place they held (or
/// were offered) goes to the next person waiting at once; a confirmation is mailed (with the calendar event's
/// cancellation when it was confirmed). Cancelling again, or a registration that ended otherwise, only erases what is left.
/// </summary>
public static class CancelRegistration
{
    public static IEndpointRouteBuilder MapCancelRegistration(this IEndpointRouteBuilder api)
    {
        api.MapPost("/public/conference-registrations/{token}/cancel", HandleAsync)
            .WithName("CancelConferenceRegistration").WithSummary("Anuluj zgłoszenie i usuń swoje dane / Cancel the registration and erase your data")
            .Produces<ParticipantView>().ProducesProblem(StatusCodes.Status404NotFound)
            .AllowAnonymous();
        return api;
    }

    private static Task<IResult> HandleAsync(string token, DataSession session, ConferenceLinks links, TimeProvider time) =>
        ParticipantLink.ChangeAsync(session, token, (conference, registration) => CancelAsync(session, conference, registration, links, time.GetUtcNow()));

    /// <summary>Cancels and erases; answers the participant's view of what is left.</summary>
    public static async Task<IResult> CancelAsync(DataSession session, ConferenceRow conference, RegistrationRow registration, ConferenceLinks links,
        DateTimeOffset now)
    {
        if (RegistrationStatus.IsActive(registration.Status))
        {
            await Places.EndAsync(session, conference, registration, RegistrationStatus.Cancelled, links, now);
        }
        await ParticipantErasure.EraseAsync(session, [registration.Id], now);
        var view = await ParticipantViews.ReadAsync(session, conference, (await RegistrationRow.FindAsync(session, registration.Id))!, links);
        await session.CommitAsync();
        return TypedResults.Ok(view);
    }
}
