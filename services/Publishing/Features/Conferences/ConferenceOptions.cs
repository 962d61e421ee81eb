namespace Cro.Publishing.Features.Conferences;

/// <summary>The settings of conference registration (section Conferences).</summary>
public sealed class ConferenceOptions
{
    public const string Section = "Conferences";

    /// <summary>How long a registration waits for its address to be confirmed through the mailed link before it expires (and frees its place).</summary>
    public TimeSpan ConfirmationWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long a freed place is held for the next person on the waitlist, for a conference that does not say.</summary>
    public TimeSpan DefaultOfferHold { get; set; } = TimeSpan.FromHours(48);

    /// <summary>
    /// Registrations one client address may make for one conference in an hour: people behind one office's network share
    /// an address, so it is generous; it stops a script filling the conference with addresses no one confirms.
    /// </summary>
    public int RegistrationsPerAddressPerHour { get; set; } = 30;

    /// <summary>How often lapsed offers, unconfirmed registrations and reservations past their end are looked for.</summary>
    public TimeSpan DeadlinePollInterval { get; set; } = TimeSpan.FromMinutes(1);
}
