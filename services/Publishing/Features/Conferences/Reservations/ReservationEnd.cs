namespace Cro.Publishing.Features.Conferences.Reservations;

/// <summary>
/// Ends a JST reservation (cancelled by an operator, or expired): its places stop counting as taken, the places its
/// people hold (or were offered) become ordinary ones they keep, and the rest are released: the caller then offers them to
/// the waitlist (<see cref="Registrations.Places.FillAsync"/>). In this order, so the conference's count only falls before
/// it rises and never passes its capacity on the way. The conference must be locked.
/// </summary>
public static class ReservationEnd
{
    public const string Cancelled = "cancelled";
    public const string Expired = "expired";

    /// <summary>False when the reservation had ended already.</summary>
    public static async Task<bool> EndAsync(DataSession session, Guid reservationId, string how, Guid? by, DateTimeOffset now)
    {
        if (await session.ExecuteAsync("""
                UPDATE conference_reservations SET ended_at = @now, ended_how = @how, ended_by = @by WHERE id = @reservationId AND ended_at IS NULL
                """, new { reservationId, how, by, now = now.ToUniversalTime() }) == 0)
        {
            return false;
        }
        await session.ExecuteAsync("UPDATE conference_registrations SET reservation_id = NULL WHERE reservation_id = @reservationId", new { reservationId });
        return true;
    }
}
