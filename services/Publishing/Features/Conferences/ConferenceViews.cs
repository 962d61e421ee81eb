using System.Text.Json;

namespace Cro.Publishing.Features.Conferences;

[OpenApiSchemaName("ConferenceSpeaker")]
public sealed record SpeakerView(string FullName, string? Affiliation);

/// <param name="Capacity">Seats of a session with a room of its own (a workshop), which participants choose; null when every participant may come.</param>
/// <param name="SeatsLeft">Of <paramref name="Capacity"/>; null without one.</param>
[OpenApiSchemaName("ConferenceSession")]
public sealed record SessionView(Guid Id, int Ordinal, string Title, string? Description, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Room,
    int? Capacity, int? SeatsLeft, IReadOnlyList<SpeakerView> Speakers);

/// <summary>A published conference as anyone reads it, with what its registration form needs. Times in Europe/Warsaw.</summary>
/// <param name="Days">The Warsaw dates it takes place on (check-in is per day).</param>
/// <param name="IsOnline">Whether it is (also) online; the link itself goes to confirmed participants only.</param>
/// <param name="PlacesLeft">Places no one holds; when 0, a registration joins the waitlist.</param>
/// <param name="Waitlisted">People waiting for a place.</param>
/// <param name="Registration">not-yet-open, open or closed.</param>
/// <param name="Consents">The consents the form asks for, in the version a registration names.</param>
/// <param name="Needs">The accessibility needs a registration may name.</param>
/// <param name="SexCategories">woman, man, non-binary, undisclosed.</param>
[OpenApiSchemaName("PublicConference")]
public sealed record PublicConferenceView(Guid Id, string Title, string Description, DateTimeOffset StartsAt, DateTimeOffset EndsAt, IReadOnlyList<DateOnly> Days,
    string? Place, bool IsOnline, int Capacity, int PlacesLeft, int Waitlisted, string Registration, DateTimeOffset RegistrationOpensAt,
    DateTimeOffset RegistrationClosesAt, IReadOnlyList<SessionView> Sessions, IReadOnlyList<ConsentTexts.ConsentText> Consents,
    IReadOnlyList<AccessibilityNeeds.NeedOption> Needs, IReadOnlyList<string> SexCategories);

/// <summary>A conference as ORE manages it: everything, drafts too, with its registrations counted by status.</summary>
/// <param name="OfferHoldHours">How long a freed place is held for the next person on the waitlist.</param>
/// <param name="CertificateMinDays">Days of attendance the certificate needs.</param>
/// <param name="PlacesTaken">Places held by registrations and by JST reservations.</param>
/// <param name="Registrations">By status: pending, confirmed, waitlisted, offered, cancelled, expired, declined, lapsed.</param>
/// <param name="ReservedPlaces">Places held by active JST reservations (used or not).</param>
[OpenApiSchemaName("Conference")]
public sealed record ConferenceView(Guid Id, string Title, string Description, DateTimeOffset StartsAt, DateTimeOffset EndsAt, IReadOnlyList<DateOnly> Days,
    string? Place, Uri? OnlineUrl, int Capacity, int PlacesTaken, int PlacesLeft, DateTimeOffset RegistrationOpensAt, DateTimeOffset RegistrationClosesAt,
    int OfferHoldHours, int CertificateMinDays, string Status, string Registration, IReadOnlyList<SessionView> Sessions,
    IReadOnlyDictionary<string, int> Registrations, int ReservedPlaces, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? PublishedAt);

/// <summary>How the views are read: a conference's sessions and its registrations by status.</summary>
public static class ConferenceViews
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record SessionRow(Guid Id, int Ordinal, string Title, string? Description, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Room,
        int? Capacity, int SeatsTaken, string Speakers);

    public static async Task<IReadOnlyList<SessionView>> SessionsAsync(DataSession session, Guid conferenceId) =>
        [.. (await session.QueryAsync<SessionRow>("""
            SELECT id, ordinal, title, description, starts_at, ends_at, room, capacity, seats_taken, speakers::text AS speakers
            FROM conference_sessions WHERE conference_id = @conferenceId ORDER BY ordinal, starts_at
            """, new { conferenceId }))
            .Select(s => new SessionView(s.Id, s.Ordinal, s.Title, s.Description, WarsawTime.InWarsaw(s.StartsAt), WarsawTime.InWarsaw(s.EndsAt), s.Room,
                s.Capacity, s.Capacity is { } capacity ? Math.Max(0, capacity - s.SeatsTaken) : null,
                JsonSerializer.Deserialize<List<SpeakerView>>(s.Speakers, Json) ?? []))];

    public static async Task<PublicConferenceView> PublicAsync(DataSession session, ConferenceRow c, DateTimeOffset now)
    {
        var waitlisted = await session.ExecuteScalarAsync<int>(
            "SELECT count(*)::int FROM conference_registrations WHERE conference_id = @Id AND status = 'waitlisted'", new { c.Id });
        return new PublicConferenceView(c.Id, c.Title, c.Description, WarsawTime.InWarsaw(c.StartsAt), WarsawTime.InWarsaw(c.EndsAt), c.Days, c.Place,
            c.OnlineUrl is not null, c.Capacity, c.PlacesLeft, waitlisted, c.RegistrationAt(now), WarsawTime.InWarsaw(c.RegistrationOpensAt),
            WarsawTime.InWarsaw(c.RegistrationClosesAt), await SessionsAsync(session, c.Id), ConsentTexts.All, AccessibilityNeeds.Options,
            SexCategories.All);
    }

    public static async Task<ConferenceView> ForOperatorAsync(DataSession session, ConferenceRow c, DateTimeOffset now)
    {
        var counts = (await session.QueryAsync<(string Status, int Count)>(
            "SELECT status, count(*)::int FROM conference_registrations WHERE conference_id = @Id GROUP BY status", new { c.Id }))
            .ToDictionary(s => s.Status, s => s.Count);
        var reserved = await session.ExecuteScalarAsync<int>(
            "SELECT coalesce(sum(places), 0)::int FROM conference_reservations WHERE conference_id = @Id AND ended_at IS NULL", new { c.Id });
        return new ConferenceView(c.Id, c.Title, c.Description, WarsawTime.InWarsaw(c.StartsAt), WarsawTime.InWarsaw(c.EndsAt), c.Days, c.Place, c.Online,
            c.Capacity, c.PlacesTaken, c.PlacesLeft, WarsawTime.InWarsaw(c.RegistrationOpensAt), WarsawTime.InWarsaw(c.RegistrationClosesAt),
            (int)c.OfferHold.TotalHours, c.CertificateMinDays, c.Status, c.RegistrationAt(now), await SessionsAsync(session, c.Id), counts, reserved,
            c.CreatedAt, c.UpdatedAt, c.PublishedAt);
    }
}
