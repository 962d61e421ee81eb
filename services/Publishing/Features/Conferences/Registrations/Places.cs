namespace Cro.Publishing.Features.Conferences.Registrations;

/// <summary>
/// Who holds a conference's places. Every method here runs with the conference locked (<see cref="ConferenceRow.FindAsync"/>
/// with forUpdate), so the changes to one conference's places queue up; the database's counters and their CHECKs
/// (migration 0011) refuse anything that would give a place twice even so.
/// <para>
/// The rule: a registration from a JST with a reservation that has room takes one of its places; otherwise a free place,
/// if no one waits for one; otherwise it joins the end of the waitlist. Whenever a place is freed (someone leaves, an
/// offer is declined or lapses, a reservation ends, the capacity grows), <see cref="FillAsync"/> offers it to the next
/// person waiting in the same transaction, so no place stays free while someone waits and no one is skipped. An offer
/// holds the place for the conference's hold time; a person is offered a place once (the waitlist takes no one back).
/// </para>
/// </summary>
public static class Places
{
    /// <param name="WaitlistPosition">How many wait ahead, plus one, for a registration that joins the waitlist.</param>
    public sealed record Choice(string Status, Guid? ReservationId, int? WaitlistPosition)
    {
        public string Outcome => Status == RegistrationStatus.Waitlisted ? "waitlist" : ReservationId is null ? "place" : "reservation";
    }

    private sealed record Offer(Guid Id, string FullName, string Email);

    /// <summary>
    /// What the choice for a new registration from JST @jstTerc (null: another institution) reads, with conference @id
    /// locked: a reservation of that JST with room, the places free, and how many wait.
    /// </summary>
    public const string ChoiceSql = """
        SELECT (SELECT id FROM conference_reservations
                WHERE conference_id = @id AND jst_terc = @jstTerc AND ended_at IS NULL AND used < places) AS reservation_id,
               (SELECT capacity - places_taken FROM conferences WHERE id = @id) AS free,
               (SELECT count(*)::int FROM conference_registrations WHERE conference_id = @id AND status = 'waitlisted') AS waiting;
        """;

    /// <summary>
    /// Where a new registration goes: a place of its JST's reservation while one has room; a free place if no one waits for
    /// one; otherwise the end of the waitlist (its number is drawn under the lock, so it follows everyone waiting).
    /// </summary>
    public static Choice Choose(Guid? reservation, int free, int waiting) =>
        reservation is not null ? new Choice(RegistrationStatus.Pending, reservation, null)
        : free > 0 && waiting == 0 ? new Choice(RegistrationStatus.Pending, null, null)
        : new Choice(RegistrationStatus.Waitlisted, null, waiting + 1);

    /// <summary>
    /// Offers every free place to the people waiting, in their order: a reservation's free places to the people of its JST
    /// first, then the conference's to anyone; each offer announced (ConferencePlaceOffered). None once the conference has
    /// begun. Returns how many were offered.
    /// </summary>
    public static async Task<int> FillAsync(DataSession session, ConferenceRow conference, ConferenceLinks links, DateTimeOffset now)
    {
        if (now >= conference.StartsAt)
        {
            return 0;
        }
        var holdUntil = now + conference.OfferHold < conference.StartsAt ? now + conference.OfferHold : conference.StartsAt;
        using var results = await session.QueryMultipleAsync("""
            WITH room AS (
                SELECT id, jst_terc, places - used AS free FROM conference_reservations
                WHERE conference_id = @Id AND ended_at IS NULL AND used < places),
            reserved AS (
                SELECT w.id, room.id AS reservation_id, room.free, row_number() OVER (PARTITION BY room.id ORDER BY w.waitlist_number) AS n
                FROM room JOIN conference_registrations w ON w.conference_id = @Id AND w.status = 'waitlisted' AND w.jst_terc = room.jst_terc)
            UPDATE conference_registrations r
            SET status = 'offered', reservation_id = reserved.reservation_id, offered_at = @now, offer_expires_at = @holdUntil
            FROM reserved WHERE r.id = reserved.id AND reserved.n <= reserved.free
            RETURNING r.id, r.full_name, r.email;

            WITH next AS (
                SELECT id FROM conference_registrations
                WHERE conference_id = @Id AND status = 'waitlisted'
                ORDER BY waitlist_number
                LIMIT (SELECT greatest(capacity - places_taken, 0) FROM conferences WHERE id = @Id))
            UPDATE conference_registrations r SET status = 'offered', offered_at = @now, offer_expires_at = @holdUntil
            FROM next WHERE r.id = next.id
            RETURNING r.id, r.full_name, r.email;
            """, new { conference.Id, now = now.ToUniversalTime(), holdUntil = holdUntil.ToUniversalTime() });
        var offers = (await results.ReadAsync<Offer>()).Concat(await results.ReadAsync<Offer>()).ToList();
        await session.EnqueueAsync([.. offers.Select(o => (IIntegrationEvent)RegistrationEvents.Offered(conference, o.Id, o.FullName, o.Email, holdUntil,
            links.PageUrl, now))]);
        ConferenceMetrics.Offered(offers.Count);
        return offers.Count;
    }

    /// <summary>
    /// Ends registration <paramref name="registration"/> (<paramref name="status"/>: cancelled, expired, declined or lapsed),
    /// announces it unless <paramref name="announce"/> is false (an erased person is told nothing), and offers the place it
    /// held, if any, to the next person waiting.
    /// </summary>
    public static async Task EndAsync(DataSession session, ConferenceRow conference, RegistrationRow registration, string status, ConferenceLinks links,
        DateTimeOffset now, bool announce = true)
    {
        await session.ExecuteAsync("""
            UPDATE conference_registrations SET status = @status, reservation_id = NULL, ended_at = @now WHERE id = @Id
            """, new { registration.Id, status, now = now.ToUniversalTime() });
        if (announce && registration.Email is not null)
        {
            await session.EnqueueAsync(RegistrationEvents.Ended(conference, registration, status, now));
        }
        if (RegistrationStatus.HoldsPlace(registration.Status))
        {
            await FillAsync(session, conference, links, now);
        }
    }
}
