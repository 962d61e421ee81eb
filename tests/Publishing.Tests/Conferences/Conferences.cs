using System.Security.Cryptography;
using System.Text;
using Cro.Publishing.Features.Conferences;
using Cro.Publishing.Features.Conferences.Registrations;

namespace Cro.Publishing.Tests.Conferences;

/// <summary>
/// What the conference tests share: a published conference made through ORE's endpoints, registrations as the public
/// form sends them (each person from an address of their own, as the gateway names the client), and the participant's
/// link, whose token the tests derive as notifications does for the mail.
/// </summary>
internal static class Conferences
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public const string Api = "/api/publishing";

    public static string Mine(string token) => $"{Api}/public/conference-registrations/{token}";

    /// <summary>
    /// A two-day conference starting at <paramref name="startsAt"/>, or <paramref name="startsIn"/> from now (on the 30th day by default), registration open
    /// since an hour ago, published.
    /// </summary>
    public static async Task<ConferenceView> PublishedAsync(this PublishingService service, int capacity, TimeSpan? startsIn = null, object[]? sessions = null,
        int offerHoldHours = 48, int? certificateMinDays = null, string? onlineUrl = null, DateTimeOffset? startsAt = null)
    {
        var now = service.Clock.GetUtcNow();
        // By default at 08:00 UTC of the 30th day: a start later in the day would end (a day and 6 hours on) after midnight in
        // Warsaw, a third conference day, and what a test counts per day would depend on when it runs.
        var starts = startsAt ?? (startsIn is { } inTime ? now + inTime
            : new DateTimeOffset(DateOnly.FromDateTime(now.AddDays(30).UtcDateTime).ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero));
        using var ore = service.Operator();
        var created = await ore.PostAsJsonAsync($"{Api}/conferences", Conference(capacity, now, starts, sessions, offerHoldHours, certificateMinDays, onlineUrl), Ct);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
        var conference = (await created.Content.ReadFromJsonAsync<ConferenceView>(Ct))!;
        var published = await ore.PostAsync($"{Api}/conferences/{conference.Id}/publish", null, Ct);
        Assert.True(published.StatusCode == HttpStatusCode.OK, await published.Content.ReadAsStringAsync(Ct));
        return (await published.Content.ReadFromJsonAsync<ConferenceView>(Ct))!;
    }

    public static object Conference(int capacity, DateTimeOffset now, DateTimeOffset starts, object[]? sessions = null, int offerHoldHours = 48,
        int? certificateMinDays = null, string? onlineUrl = null) => new
    {
        title = "Cyfrowa szkoła w samorządzie — wymiana doświadczeń",
        description = "Samorządowcy dzielą się doświadczeniami z cyfryzacji szkół.",
        startsAt = starts, endsAt = starts.AddDays(1).AddHours(6),
        place = "Warszawa, Centrum Konferencyjne, ul. Przykładowa 1", onlineUrl, capacity,
        registrationOpensAt = now.AddHours(-1), registrationClosesAt = starts.AddDays(-1),
        offerHoldHours, certificateMinDays, sessions = sessions ?? [],
    };

    /// <summary>A registration as the public form sends it: another institution by name unless a JST is given, processing consent in the current version.</summary>
    public static Dictionary<string, object?> Registration(string email, string fullName = "Anna Nowak", string sex = "woman", string? jstTerc = null,
        string[]? needs = null, string? diet = null, string? needsNote = null, bool consentImage = false, bool consentParticipantList = false,
        Guid[]? sessionIds = null) => new()
    {
        ["fullName"] = fullName, ["email"] = email, ["sex"] = sex, ["jstTerc"] = jstTerc,
        ["institutionName"] = jstTerc is null ? "Szkoła Podstawowa nr 1 w Gromadce" : null, ["role"] = "dyrektor szkoły",
        ["needs"] = needs ?? [], ["diet"] = diet, ["needsNote"] = needsNote, ["consentVersion"] = ConsentTexts.Version, ["consentProcessing"] = true,
        ["consentImage"] = consentImage, ["consentParticipantList"] = consentParticipantList, ["sessionIds"] = sessionIds ?? [],
    };

    /// <summary>Posts the registration from the client address <paramref name="address"/> (default: one of the person's own, from the address).</summary>
    public static Task<HttpResponseMessage> RegisterAsync(this PublishingService service, Guid conferenceId, object registration, string? address = null,
        HttpClient? client = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{Api}/public/conferences/{conferenceId}/registrations") { Content = JsonContent.Create(registration) };
        request.Headers.Add("X-Forwarded-For", address ?? AddressOf(registration));
        return (client ?? service.Anonymous).SendAsync(request, Ct);
    }

    public static async Task<RegisterForConference.RegistrationReceipt> RegisteredAsync(this PublishingService service, Guid conferenceId, object registration)
    {
        var response = await service.RegisterAsync(conferenceId, registration);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<RegisterForConference.RegistrationReceipt>(Ct))!;
    }

    /// <summary>The token of the participant's link, as notifications derives it for the mail.</summary>
    public static string TokenOf(this PublishingService service, Guid registrationId) => service.Links.TokenOf(registrationId);

    public static async Task<ParticipantView> ViewAsync(this PublishingService service, Guid registrationId)
    {
        var response = await service.Anonymous.GetAsync(Mine(service.TokenOf(registrationId)), Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<ParticipantView>(Ct))!;
    }

    /// <summary>Posts an action of the participant's link (confirm, accept, decline, cancel).</summary>
    public static Task<HttpResponseMessage> ActAsync(this PublishingService service, Guid registrationId, string action) =>
        service.Anonymous.PostAsync($"{Mine(service.TokenOf(registrationId))}/{action}", null, Ct);

    public static async Task<ParticipantView> ActedAsync(this PublishingService service, Guid registrationId, string action)
    {
        var response = await service.ActAsync(registrationId, action);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<ParticipantView>(Ct))!;
    }

    public static async Task<RegisterForConference.RegistrationReceipt> ConfirmedAsync(this PublishingService service, Guid conferenceId, string email,
        string? jstTerc = null, string sex = "woman")
    {
        var receipt = await service.RegisteredAsync(conferenceId, Registration(email, jstTerc: jstTerc, sex: sex));
        await service.ActedAsync(receipt.Id, "confirm");
        return receipt;
    }

    public sealed record Places(int Capacity, int PlacesTaken, int Holding, int Reserved, int Waitlisted, int Offered);

    /// <summary>
    /// The conference's places as the database holds them, counted from the rows (not the service's counter): registrations
    /// holding a place outside a reservation, plus active reservations' places; and who waits or is offered.
    /// </summary>
    public static async Task<Places> PlacesAsync(this PublishingService service, Guid conferenceId) =>
        (await service.QueryAsync<Places>("""
            SELECT c.capacity, c.places_taken,
                   (SELECT count(*)::int FROM conference_registrations r WHERE r.conference_id = c.id AND r.holds_place) AS holding,
                   (SELECT coalesce(sum(greatest(v.places - (SELECT count(*) FROM conference_registrations r
                                                             WHERE r.reservation_id = v.id AND r.holds_place), 0)), 0)::int
                    FROM conference_reservations v WHERE v.conference_id = c.id AND v.ended_at IS NULL) AS reserved,
                   (SELECT count(*)::int FROM conference_registrations r WHERE r.conference_id = c.id AND r.status = 'waitlisted') AS waitlisted,
                   (SELECT count(*)::int FROM conference_registrations r WHERE r.conference_id = c.id AND r.status = 'offered') AS offered
            FROM conferences c WHERE c.id = @conferenceId
            """, new { conferenceId })).Single();

    /// <summary>No place given twice, none lost: the places held (by people, and kept free in reservations) are the counter, within the capacity.</summary>
    public static async Task<Places> AssertPlacesHoldAsync(this PublishingService service, Guid conferenceId)
    {
        var places = await service.PlacesAsync(conferenceId);
        Assert.Equal(places.PlacesTaken, places.Holding + places.Reserved);
        Assert.True(places.PlacesTaken <= places.Capacity, $"{places.PlacesTaken} places held of {places.Capacity}");
        // A place is never left free while someone waits.
        Assert.True(places.Waitlisted == 0 || places.PlacesTaken == places.Capacity, $"{places} leaves a place free while people wait");
        return places;
    }

    /// <summary>What the service wrote for a conference: its registrations, consents and outbox messages, to check a refusal wrote nothing.</summary>
    public static async Task<(int Registrations, int Consents, int Outbox)> WrittenAsync(this PublishingService service) =>
        (await service.QueryAsync<(int, int, int)>("""
            SELECT (SELECT count(*)::int FROM conference_registrations), (SELECT count(*)::int FROM conference_consents),
                   (SELECT count(*)::int FROM outbox_messages)
            """)).Single();

    private static string AddressOf(object registration)
    {
        var email = registration is IDictionary<string, object?> fields ? fields["email"] as string ?? "" : registration.ToString() ?? "";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(email));
        return $"10.{hash[0]}.{hash[1]}.{hash[2]}";
    }
}
