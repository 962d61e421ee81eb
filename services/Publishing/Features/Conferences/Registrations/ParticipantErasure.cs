namespace Cro.Publishing.Features.Conferences.Registrations;

/// <summary>
/// What is erased of a participant (RODO art. 17) when they cancel, withdraw their consent to the processing, or are
/// erased: their name (<see cref="ErasedPerson.Name"/> in its place, on their certificate too), address, role,
/// institution's name and needs. What stays is what the programme's counts and records need and names no one: the status
/// and times, sex and JST, the consents as given and withdrawn, attendance and the certificate's number.
/// </summary>
public static class ParticipantErasure
{
    public static Task EraseAsync(DataSession session, IReadOnlyCollection<Guid> registrationIds, DateTimeOffset now) =>
        session.ExecuteAsync("""
            UPDATE conference_registrations
            SET full_name = @name, email = NULL, role = NULL, institution_name = NULL, needs = '{}', diet = NULL, needs_note = NULL, client_key = NULL,
                erased_at = @now
            WHERE id = ANY (@ids) AND erased_at IS NULL;
            UPDATE conference_certificates SET holder_name = @name WHERE registration_id = ANY (@ids);
            UPDATE conference_consents SET withdrawn_at = @now WHERE registration_id = ANY (@ids) AND withdrawn_at IS NULL;
            """, new { ids = registrationIds.ToArray(), name = ErasedPerson.Name, now = now.ToUniversalTime() });

    /// <summary>
    /// Erases every registration of <paramref name="email"/> at every conference: one taking part is cancelled first (its
    /// place offered on), without a mail; mails to the address not yet handed to the broker are not sent, and those handed
    /// over lose the address. Each conference is locked in turn, in one order, as every change of places does. Returns how
    /// many registrations were erased.
    /// </summary>
    public static async Task<int> EraseByEmailAsync(DataSession session, string email, ConferenceLinks links, DateTimeOffset now)
    {
        var address = email.Trim();
        var conferences = (await session.QueryAsync<Guid>("""
            SELECT DISTINCT conference_id FROM conference_registrations WHERE lower(email) = lower(@address) ORDER BY conference_id
            """, new { address })).ToList();
        var erased = new List<Guid>();
        foreach (var conferenceId in conferences)
        {
            var conference = (await ConferenceRow.FindAsync(session, conferenceId, drafts: true, forUpdate: true))!;
            var registrations = await session.QueryAsync<RegistrationRow>(RegistrationRow.Select +
                " WHERE r.conference_id = @conferenceId AND lower(r.email) = lower(@address) FOR UPDATE OF r", new { conferenceId, address });
            foreach (var registration in registrations)
            {
                if (RegistrationStatus.IsActive(registration.Status))
                {
                    await Places.EndAsync(session, conference, registration, RegistrationStatus.Cancelled, links, now, announce: false);
                }
                erased.Add(registration.Id);
            }
        }
        await EraseAsync(session, erased, now);
        await session.EraseAddressAsync<ConferenceRegistrationReceived>("email", address);
        await session.EraseAddressAsync<ConferenceRegistrationConfirmed>("email", address);
        await session.EraseAddressAsync<ConferencePlaceOffered>("email", address);
        await session.EraseAddressAsync<ConferenceRegistrationEnded>("email", address);
        return erased.Count;
    }
}
