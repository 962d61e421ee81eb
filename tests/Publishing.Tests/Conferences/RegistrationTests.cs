using System.Text.Json;
using Cro.Publishing.Features.Conferences.Registrations;

namespace Cro.Publishing.Tests.Conferences;

/// <summary>
/// Registering without an account: a place held until the address is confirmed through the mailed link, the mails asked
/// of notifications (the link, then the calendar event), and registrations never confirmed expiring to free their place.
/// </summary>
public sealed class RegistrationTests(PublishingService service) : IClassFixture<PublishingService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_registration_confirmed_through_the_mailed_link_holds_a_confirmed_place_and_asks_for_the_calendar_event_once()
    {
        await service.RegisterJstAsync("1261011", "Bochnia", "urban-municipality");
        var conference = await service.PublishedAsync(capacity: 20, onlineUrl: "https://spotkania.example.pl/konferencja");

        var response = await service.RegisterAsync(conference.Id, Conferences.Registration("ewa.kowalska@bochnia.example.pl", "Ewa Kowalska", jstTerc: "1261011"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var receipt = (await response.Content.ReadFromJsonAsync<RegisterForConference.RegistrationReceipt>(Ct))!;
        Assert.Equal(("pending", (int?)null), (receipt.Status, receipt.WaitlistPosition));
        // The answer carries no link: only the address's owner can confirm.
        Assert.DoesNotContain(service.TokenOf(receipt.Id), await response.Content.ReadAsStringAsync(Ct));
        var received = Assert.Single(await service.EventsAsync("ConferenceRegistrationReceived", e => e.GetProperty("registrationId").GetGuid() == receipt.Id));
        Assert.Equal("ewa.kowalska@bochnia.example.pl", received.GetProperty("email").GetString());
        Assert.Equal("https://cro.test/konferencje/zgloszenie/", received.GetProperty("pageUrl").GetString());
        Assert.False(received.GetProperty("onWaitlist").GetBoolean());

        var pending = await service.ViewAsync(receipt.Id);
        Assert.Equal(("pending", false, "Bochnia"), (pending.Status, pending.AddressConfirmed, pending.JstName));
        Assert.Null(pending.Conference.OnlineUrl);
        Assert.False(pending.TicketAvailable);

        var confirmed = await service.ActedAsync(receipt.Id, "confirm");
        var again = await service.ActedAsync(receipt.Id, "confirm");

        Assert.Equal(("confirmed", true, true), (confirmed.Status, confirmed.AddressConfirmed, confirmed.TicketAvailable));
        Assert.Equal(new Uri("https://spotkania.example.pl/konferencja"), confirmed.Conference.OnlineUrl);
        Assert.Equal(confirmed.ConfirmedAt, again.ConfirmedAt);
        var mail = Assert.Single(await service.EventsAsync("ConferenceRegistrationConfirmed", e => e.GetProperty("registrationId").GetGuid() == receipt.Id));
        Assert.Equal($"konferencja-{conference.Id}@cro.ore.edu.pl", mail.GetProperty("calendarUid").GetString());
        Assert.Equal(conference.StartsAt, mail.GetProperty("startsAt").GetDateTimeOffset());
        Assert.False(mail.GetProperty("fromWaitlist").GetBoolean());
        Assert.Equal(["processing"], confirmed.Consents.Select(c => c.Kind));
        await service.AssertPlacesHoldAsync(conference.Id);
    }

    [Fact]
    public async Task A_registration_not_confirmed_in_time_expires_and_its_place_goes_to_the_first_person_waiting()
    {
        var conference = await service.PublishedAsync(capacity: 1);
        var first = await service.RegisteredAsync(conference.Id, Conferences.Registration("pierwsza@example.pl"));
        var waiting = await service.ConfirmedAsync(conference.Id, "druga@example.pl");
        Assert.Equal("waitlisted", (await service.ViewAsync(waiting.Id)).Status);

        service.Clock.Advance(TimeSpan.FromHours(25));
        var late = await service.ActAsync(first.Id, "confirm");
        await service.RunDeadlinesAsync();

        Assert.Equal(HttpStatusCode.Gone, late.StatusCode);
        Assert.Equal("expired", (await service.ViewAsync(first.Id)).Status);
        var offered = await service.ViewAsync(waiting.Id);
        Assert.Equal("offered", offered.Status);
        Assert.Single(await service.EventsAsync("ConferenceRegistrationEnded",
            e => e.GetProperty("registrationId").GetGuid() == first.Id && e.GetProperty("reason").GetString() == "expired"));
        Assert.Single(await service.EventsAsync("ConferencePlaceOffered", e => e.GetProperty("registrationId").GetGuid() == waiting.Id));
        await service.AssertPlacesHoldAsync(conference.Id);
    }

    [Fact]
    public async Task Bad_input_is_refused_naming_the_field_and_writes_nothing()
    {
        var conference = await service.PublishedAsync(capacity: 5);
        await service.ConfirmedAsync(conference.Id, "jan.nowak@gmina.example.pl");
        var closed = await service.PublishedAsync(capacity: 5, startsIn: TimeSpan.FromDays(3));
        using (var ore = service.Operator())
        {
            // Registration for this one closed an hour ago.
            var now = service.Clock.GetUtcNow();
            var edit = Conferences.Conference(5, now.AddDays(-2), now.AddDays(3)) is var body
                ? JsonSerializer.SerializeToNode(body)!.AsObject() : null;
            edit!["registrationClosesAt"] = now.AddHours(-1);
            Assert.Equal(HttpStatusCode.OK, (await ore.PutAsJsonAsync($"{Conferences.Api}/conferences/{closed.Id}", edit, Ct)).StatusCode);
        }
        var before = await service.WrittenAsync();

        var cases = new (object Registration, Guid Conference, HttpStatusCode Status, string? Field)[]
        {
            (Conferences.Registration("jan.nowak@gmina"), conference.Id, HttpStatusCode.BadRequest, "email"),
            (Conferences.Registration("JAN.NOWAK@gmina.example.pl"), conference.Id, HttpStatusCode.Conflict, "email"),
            (Conferences.Registration("nowy@example.pl"), closed.Id, HttpStatusCode.Conflict, null),
            (Conferences.Registration("nowy@example.pl", jstTerc: "9999999"), conference.Id, HttpStatusCode.BadRequest, "jstTerc"),
            (Conferences.Registration("nowy@example.pl", sex: "other"), conference.Id, HttpStatusCode.BadRequest, "sex"),
            (Conferences.Registration("nowy@example.pl", needs: ["diet"]), conference.Id, HttpStatusCode.BadRequest, "diet"),
            (Conferences.Registration("nowy@example.pl", needs: ["jetpack"]), conference.Id, HttpStatusCode.BadRequest, "needs"),
            (Conferences.Registration("nowy@example.pl", sessionIds: [Guid.CreateVersion7()]), conference.Id, HttpStatusCode.BadRequest, "sessionIds"),
            (With(Conferences.Registration("nowy@example.pl"), "consentProcessing", false), conference.Id, HttpStatusCode.BadRequest, "consentProcessing"),
            (With(Conferences.Registration("nowy@example.pl"), "consentVersion", "2020-01-01"), conference.Id, HttpStatusCode.Conflict, "consentVersion"),
            (With(Conferences.Registration("nowy@example.pl"), "institutionName", null), conference.Id, HttpStatusCode.BadRequest, "institutionName"),
            (Conferences.Registration("nowy@example.pl"), Guid.CreateVersion7(), HttpStatusCode.NotFound, null),
        };
        foreach (var (registration, conferenceId, status, field) in cases)
        {
            var response = await service.RegisterAsync(conferenceId, registration);
            var body = await response.Content.ReadAsStringAsync(Ct);
            Assert.True(response.StatusCode == status, $"{status} expected for {JsonSerializer.Serialize(registration)}: {(int)response.StatusCode} {body}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            if (field is not null)
            {
                var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
                Assert.True(errors.TryGetProperty(field, out _), $"{field} named in {body}");
            }
        }

        Assert.Equal(before, await service.WrittenAsync());
    }

    [Fact]
    public async Task Past_the_limit_per_client_address_a_registration_is_refused_with_Retry_After_and_nothing_written()
    {
        var conference = await service.PublishedAsync(capacity: 100);
        for (var i = 0; i < 30; i++)
        {
            Assert.Equal(HttpStatusCode.Created,
                (await service.RegisterAsync(conference.Id, Conferences.Registration($"osoba{i}@urzad.example.pl"), address: "203.0.113.50")).StatusCode);
        }
        var before = await service.WrittenAsync();

        var refused = await service.RegisterAsync(conference.Id, Conferences.Registration("osoba30@urzad.example.pl"), address: "203.0.113.50");
        var elsewhere = await service.RegisterAsync(conference.Id, Conferences.Registration("osoba31@urzad.example.pl"), address: "203.0.113.51");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) is > 3500 and <= 3600);
        Assert.Equal(HttpStatusCode.Created, elsewhere.StatusCode);
        Assert.Equal(before.Registrations + 1, (await service.WrittenAsync()).Registrations);
    }

    private static Dictionary<string, object?> With(Dictionary<string, object?> registration, string field, object? value)
    {
        registration[field] = value;
        return registration;
    }
}
