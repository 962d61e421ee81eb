namespace Cro.Publishing.Features.Conferences.Registrations;

/// <summary>
/// POST /api/publishing/public/conference-registrations/{token}/confirm — the participant confirms their address through
/// the mailed link (the web's page posts it when they press the button; opening a link never confirms, as mail scanners
/// open links too). A held place becomes confirmed and is announced (ConferenceRegistrationConfirmed: notifications mails
/// the calendar event); someone waiting stays on the waitlist with the address confirmed. Confirming again changes
/// nothing. Past <see cref="RegistrationRow.ConfirmBy"/>, or once the registration ended, 410 and nothing written.
/// </summary>
public static class ConfirmRegistration
{
    public static IEndpointRouteBuilder MapConfirmRegistration(this IEndpointRouteBuilder api)
    {
        api.MapPost("/public/conference-registrations/{token}/confirm", HandleAsync)
            .WithName("ConfirmConferenceRegistration").WithSummary("Potwierdź adres i zgłoszenie / Confirm the address and the registration")
            .WithDescription("Wysyła je przycisk na stronie, nie samo otwarcie linku (skanery poczty otwierają linki). Ponowne potwierdzenie nic nie zmienia. / Sent by the page's button, never by opening the link (mail scanners open links). Confirming again changes nothing.")
            .Produces<ParticipantView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status410Gone)
            .AllowAnonymous();
        return api;
    }

    private static Task<IResult> HandleAsync(string token, DataSession session, ConferenceLinks links, TimeProvider time) =>
        ParticipantLink.ChangeAsync(session, token, async (conference, registration) =>
        {
            var now = time.GetUtcNow();
            if (!RegistrationStatus.IsActive(registration.Status))
            {
                return ParticipantLink.Ended(registration);
            }
            if (registration.ConfirmedAt is null)
            {
                if (now >= registration.ConfirmBy && registration.Status != RegistrationStatus.Offered)
                {
                    // The deadline job expires it (and frees the place); until then it is as good as expired.
                    return ParticipantLink.Ended(registration with { Status = RegistrationStatus.Expired });
                }
                var status = registration.Status == RegistrationStatus.Pending ? RegistrationStatus.Confirmed : registration.Status;
                await session.ExecuteAsync("UPDATE conference_registrations SET status = @status, confirmed_at = @now WHERE id = @Id",
                    new { registration.Id, status, now = now.ToUniversalTime() });
                if (status == RegistrationStatus.Confirmed)
                {
                    await session.EnqueueAsync(RegistrationEvents.Confirmed(conference, registration, fromWaitlist: false, links.PageUrl, now));
                }
                registration = (await RegistrationRow.FindAsync(session, registration.Id))!;
            }
            var view = await ParticipantViews.ReadAsync(session, conference, registration, links);
            await session.CommitAsync();
            return TypedResults.Ok(view);
        });
}
