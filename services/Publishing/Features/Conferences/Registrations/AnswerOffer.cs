namespace Cro.Publishing.Features.Conferences.Registrations;

/// <summary>
/// POST /api/publishing/public/conference-registrations/{token}/accept and …/decline — the person offered a freed place
/// takes it (a confirmed place, announced with the calendar event; the address counts as confirmed, since the offer came
/// to it) or gives it up (it goes to the next person waiting at once). Answering the same way again changes nothing; past
/// the offer's end, 410 (the deadline job passes it on); without an offer, 409. Nothing is written on a refusal.
/// </summary>
public static class AnswerOffer
{
    public static IEndpointRouteBuilder MapAnswerOffer(this IEndpointRouteBuilder api)
    {
        api.MapPost("/public/conference-registrations/{token}/accept", AcceptAsync)
            .WithName("AcceptConferencePlace").WithSummary("Przyjmij zaproponowane miejsce / Accept the place offered")
            .Produces<ParticipantView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status410Gone)
            .AllowAnonymous();
        api.MapPost("/public/conference-registrations/{token}/decline", DeclineAsync)
            .WithName("DeclineConferencePlace").WithSummary("Odrzuć zaproponowane miejsce / Decline the place offered")
            .Produces<ParticipantView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status410Gone)
            .AllowAnonymous();
        return api;
    }

    private static Task<IResult> AcceptAsync(string token, DataSession session, ConferenceLinks links, TimeProvider time) =>
        ParticipantLink.ChangeAsync(session, token, async (conference, registration) =>
        {
            var now = time.GetUtcNow();
            if (registration is { Status: RegistrationStatus.Confirmed, OfferedAt: not null })
            {
                return TypedResults.Ok(await ParticipantViews.ReadAsync(session, conference, registration, links));
            }
            if (Refusal(registration, now) is { } refusal)
            {
                return refusal;
            }
            await session.ExecuteAsync("""
                UPDATE conference_registrations SET status = 'confirmed', confirmed_at = coalesce(confirmed_at, @now) WHERE id = @Id
                """, new { registration.Id, now = now.ToUniversalTime() });
            registration = (await RegistrationRow.FindAsync(session, registration.Id))!;
            await session.EnqueueAsync(RegistrationEvents.Confirmed(conference, registration, fromWaitlist: true, links.PageUrl, now));
            var view = await ParticipantViews.ReadAsync(session, conference, registration, links);
            await session.CommitAsync();
            return TypedResults.Ok(view);
        });

    private static Task<IResult> DeclineAsync(string token, DataSession session, ConferenceLinks links, TimeProvider time) =>
        ParticipantLink.ChangeAsync(session, token, async (conference, registration) =>
        {
            var now = time.GetUtcNow();
            if (registration.Status == RegistrationStatus.Declined)
            {
                return TypedResults.Ok(await ParticipantViews.ReadAsync(session, conference, registration, links));
            }
            if (Refusal(registration, now) is { } refusal)
            {
                return refusal;
            }
            await Places.EndAsync(session, conference, registration, RegistrationStatus.Declined, links, now);
            var view = await ParticipantViews.ReadAsync(session, conference, (await RegistrationRow.FindAsync(session, registration.Id))!, links);
            await session.CommitAsync();
            return TypedResults.Ok(view);
        });

    private static IResult? Refusal(RegistrationRow registration, DateTimeOffset now) => registration.Status switch
    {
        RegistrationStatus.Offered when now >= registration.OfferExpiresAt => ParticipantLink.Ended(registration with { Status = RegistrationStatus.Lapsed }),
        RegistrationStatus.Offered => null,
        _ when !RegistrationStatus.IsActive(registration.Status) => ParticipantLink.Ended(registration),
        _ => Problems.Conflict("Brak propozycji miejsca.", "No place is offered.",
            "To zgłoszenie nie ma zaproponowanego miejsca do przyjęcia ani odrzucenia.", "This registration has no place offered to accept or decline."),
    };
}
