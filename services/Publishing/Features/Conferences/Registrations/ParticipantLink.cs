namespace Cro.Publishing.Features.Conferences.Registrations;

/// <summary>
/// A participant's own link (/api/publishing/public/conference-registrations/{token}, the page the mails give): the token
/// is derived from the registration's id (<see cref="ConferenceLinks"/>), and the registration is found by its hash. A
/// change through it locks the conference first, then the registration, as every change of places does, and reads the
/// registration again under the lock.
/// </summary>
public static class ParticipantLink
{
    public static string PathOf(string token) => $"/api/publishing/public/conference-registrations/{token}";

    public static Task<RegistrationRow?> FindAsync(DataSession session, string token) =>
        LinkTokens.Hash(token) is { } hash
            ? session.QuerySingleOrDefaultAsync<RegistrationRow>(RegistrationRow.Select + " WHERE r.token_hash = @hash", new { hash })
            : Task.FromResult<RegistrationRow?>(null);

    /// <summary>Runs <paramref name="change"/> on the link's registration with its conference and itself locked; 404 for a token that names none.</summary>
    public static async Task<IResult> ChangeAsync(DataSession session, string token, Func<ConferenceRow, RegistrationRow, Task<IResult>> change)
    {
        if (await FindAsync(session, token) is not { } found)
        {
            return NotFound();
        }
        var conference = (await ConferenceRow.FindAsync(session, found.ConferenceId, drafts: true, forUpdate: true))!;
        return await change(conference, (await RegistrationRow.FindAsync(session, found.Id, forUpdate: true))!);
    }

    public static IResult NotFound() => ProblemDetailsDefaults.NotFound(
        "Nie ma takiego zgłoszenia na konferencję. Sprawdź, czy adres z wiadomości jest skopiowany w całości.",
        "There is no such conference registration. Check that the whole address from the mail was copied.");

    /// <summary>410 for a registration that no longer takes part, saying why.</summary>
    public static IResult Ended(RegistrationRow registration) => Results.Problem(statusCode: StatusCodes.Status410Gone,
        title: Text.Pick("Zgłoszenie nie jest już aktualne.", "The registration no longer stands."),
        detail: registration.Status switch
        {
            RegistrationStatus.Expired => Text.Pick("Adres e-mail nie został potwierdzony w wyznaczonym czasie. Możesz zgłosić się ponownie, jeśli zapisy trwają.",
                "The e-mail address was not confirmed in time. You may register again while registration is open."),
            RegistrationStatus.Lapsed => Text.Pick("Zaproponowane miejsce nie zostało przyjęte w wyznaczonym czasie i przeszło na kolejną osobę.",
                "The place offered was not accepted in time and passed to the next person."),
            RegistrationStatus.Declined => Text.Pick("Zaproponowane miejsce zostało odrzucone.", "The place offered was declined."),
            _ => Text.Pick("Zgłoszenie zostało anulowane.", "The registration was cancelled."),
        });
}
