namespace Cro.Publishing.Features.Conferences.Registrations;

/// <summary>Where a registration stands (conference_registrations.status; its CHECK lists the same words).</summary>
public static class RegistrationStatus
{
    /// <summary>Holds a place; the address is not confirmed yet.</summary>
    public const string Pending = "pending";
    public const string Confirmed = "confirmed";
    public const string Waitlisted = "waitlisted";
    /// <summary>A freed place is held for them until the offer's end.</summary>
    public const string Offered = "offered";
    public const string Cancelled = "cancelled";
    /// <summary>The address was not confirmed in time.</summary>
    public const string Expired = "expired";
    /// <summary>They declined a place offered.</summary>
    public const string Declined = "declined";
    /// <summary>An offered place was not answered in time.</summary>
    public const string Lapsed = "lapsed";

    public static readonly IReadOnlyList<string> All = [Pending, Confirmed, Waitlisted, Offered, Cancelled, Expired, Declined, Lapsed];

    /// <summary>Statuses that take part (hold a place or wait for one): one such registration per address and conference.</summary>
    public static readonly IReadOnlyList<string> Active = [Pending, Confirmed, Waitlisted, Offered];

    public static bool HoldsPlace(string status) => status is Pending or Confirmed or Offered;

    public static bool IsActive(string status) => Active.Contains(status);

    public static string Label(string status) => status switch
    {
        Pending => Text.Pick("miejsce czeka na potwierdzenie adresu", "place held, address not confirmed"),
        Confirmed => Text.Pick("potwierdzone", "confirmed"),
        Waitlisted => Text.Pick("na liście oczekujących", "on the waitlist"),
        Offered => Text.Pick("zaproponowano zwolnione miejsce", "a freed place offered"),
        Cancelled => Text.Pick("anulowane", "cancelled"),
        Expired => Text.Pick("wygasło (adres niepotwierdzony)", "expired (address not confirmed)"),
        Declined => Text.Pick("odrzucono zaproponowane miejsce", "offered place declined"),
        Lapsed => Text.Pick("zaproponowane miejsce przepadło", "offered place lapsed"),
        _ => status,
    };
}
