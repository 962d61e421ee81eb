namespace Cro.Publishing.Features.Conferences.Registrations;

/// <summary>
/// PUT /api/publishing/public/conference-registrations/{token}/consents — the participant gives or withdraws their
/// optional consents (image recording, the participant list) through their link; each change is kept with its time, and a
/// consent given again is given in the current version of its text (the form names it: 409 naming consentVersion when it
/// changed). Withdrawing the consent to the processing cancels the registration and erases the data
/// (<see cref="CancelRegistration"/>). A registration that no longer takes part takes no new consent (410).
/// </summary>
public static class ChangeConsents
{
    /// <param name="Processing">false withdraws it: the registration is cancelled and the data erased.</param>
    /// <param name="ConsentVersion">The version of the consents' text the page showed (needed to give a consent).</param>
    [OpenApiSchemaName("ConferenceConsentChange")]
    public sealed record ConsentChange(
        [property: FieldLabel("Zgoda na przetwarzanie danych", "Consent to processing")] bool Processing,
        [property: FieldLabel("Zgoda na utrwalenie wizerunku", "Consent to image recording")] bool Image,
        [property: FieldLabel("Zgoda na umieszczenie na liście uczestników", "Consent to the participant list")] bool ParticipantList,
        [property: FieldLabel("Wersja treści zgód", "Version of the consents' text")] string? ConsentVersion = null);

    public static IEndpointRouteBuilder MapChangeConsents(this IEndpointRouteBuilder api)
    {
        api.MapPut("/public/conference-registrations/{token}/consents", HandleAsync)
            .WithName("ChangeConferenceConsents").WithSummary("Udziel lub wycofaj zgody / Give or withdraw consents")
            .Produces<ParticipantView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status410Gone)
            .AllowAnonymous();
        return api;
    }

    private static Task<IResult> HandleAsync(string token, ConsentChange change, DataSession session, ConferenceLinks links, TimeProvider time) =>
        ParticipantLink.ChangeAsync(session, token, async (conference, registration) =>
        {
            var now = time.GetUtcNow();
            if (!change.Processing)
            {
                return await CancelRegistration.CancelAsync(session, conference, registration, links, now);
            }
            if (!RegistrationStatus.IsActive(registration.Status))
            {
                return ParticipantLink.Ended(registration);
            }
            var standing = (await session.QueryAsync<string>(
                "SELECT kind FROM conference_consents WHERE registration_id = @Id AND withdrawn_at IS NULL", new { registration.Id })).ToHashSet();
            var wanted = new Dictionary<string, bool> { [ConsentTexts.Image] = change.Image, [ConsentTexts.ParticipantList] = change.ParticipantList };
            var give = wanted.Where(w => w.Value && !standing.Contains(w.Key)).Select(w => w.Key).ToArray();
            var withdraw = wanted.Where(w => !w.Value && standing.Contains(w.Key)).Select(w => w.Key).ToArray();
            if (give.Length > 0 && change.ConsentVersion != ConsentTexts.Version)
            {
                return Problems.FieldConflict("consentVersion", "Treść zgód się zmieniła.", "The consents' text has changed.",
                    "Zgody udzielasz w bieżącej wersji jej treści: wczytaj stronę ponownie i przeczytaj ją.",
                    "A consent is given in the current version of its text: load the page again and read it.");
            }
            await session.ExecuteAsync("""
                INSERT INTO conference_consents (registration_id, kind, version, given_at) SELECT @Id, unnest(@give), @version, @now;
                UPDATE conference_consents SET withdrawn_at = @now WHERE registration_id = @Id AND kind = ANY (@withdraw) AND withdrawn_at IS NULL;
                """, new { registration.Id, give, withdraw, version = ConsentTexts.Version, now = now.ToUniversalTime() });
            var view = await ParticipantViews.ReadAsync(session, conference, registration, links);
            await session.CommitAsync();
            return TypedResults.Ok(view);
        });
}
