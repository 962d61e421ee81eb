namespace Cro.Publishing.Features.Conferences.Registrations;

/// <summary>
/// Abuse control of the public registration form, as plans' consultations limit their comments: a conference takes at most
/// <see cref="ConferenceOptions.RegistrationsPerAddressPerHour"/> registrations from one client address
/// (<see cref="ClientAddress.Of"/>) within any hour; past it, 429 with Retry-After and nothing written. Counted in the
/// database over the registrations themselves, with the conference locked: the same for every replica, across restarts,
/// and exact when requests arrive at once.
/// </summary>
public static class RegistrationLimits
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    /// <summary>
    /// What the limit counts, with conference @id locked: the registrations from client @clientKey since @since, and when
    /// the first of them came (<see cref="ConferenceRow.LockSql"/>'s batch reads it).
    /// </summary>
    public const string CountSql = """
        SELECT count(*)::int, min(registered_at) FROM conference_registrations
        WHERE conference_id = @id AND client_key = @clientKey AND registered_at > @since;
        """;

    /// <summary>429 when one more registration from this address would pass the limit; null when it may be taken.</summary>
    public static IResult? Refusal(HttpContext context, int perHour, int count, DateTimeOffset? first, DateTimeOffset now) =>
        count < perHour
            ? null
            : Problems.TooManyRequests(context, (first ?? now) + Window - now, "Za dużo zgłoszeń w krótkim czasie.", "Too many registrations in a short time.",
                $"Z tego adresu sieciowego przyjęliśmy w ciągu godziny {count} zgłoszeń na tę konferencję — tyle, ile można.",
                $"{count} registrations for this conference came from this network address within an hour — as many as can be taken.");
}
