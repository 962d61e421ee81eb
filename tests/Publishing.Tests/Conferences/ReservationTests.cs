using Cro.Publishing.Features.Conferences.Reservations;

namespace Cro.Publishing.Tests.Conferences;

/// <summary>Places ORE reserves for a participating JST: its people take them first; cancelled or expired, the rest return to the waitlist.</summary>
public sealed class ReservationTests(PublishingService service) : IClassFixture<PublishingService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<HttpResponseMessage> ReserveAsync(HttpClient ore, Guid conferenceId, string jstTerc, int places, TimeSpan? expiresIn = null) =>
        ore.PostAsJsonAsync($"{Conferences.Api}/conferences/{conferenceId}/reservations",
            new { jstTerc, places, expiresAt = service.Clock.GetUtcNow() + (expiresIn ?? TimeSpan.FromDays(10)) }, Ct);

    [Fact]
    public async Task A_JSTs_people_take_its_reserved_places_even_when_the_rest_is_full_and_a_cancelled_reservation_frees_what_is_unused()
    {
        await service.JstWithTeamAsync("0201011", "Bolesławiec", "urban-municipality");
        var conference = await service.PublishedAsync(capacity: 4);
        using var ore = service.Operator();
        var reserved = await ReserveAsync(ore, conference.Id, "0201011", places: 2);
        Assert.Equal(HttpStatusCode.Created, reserved.StatusCode);
        var reservation = (await reserved.Content.ReadFromJsonAsync<JstReservations.ReservationView>(Ct))!;

        await service.ConfirmedAsync(conference.Id, "a@example.pl");
        await service.ConfirmedAsync(conference.Id, "b@example.pl");
        var waiting = await service.ConfirmedAsync(conference.Id, "c@example.pl");
        var fromJst = await service.ConfirmedAsync(conference.Id, "sekretarz@boleslawiec.example.pl", jstTerc: "0201011");
        var tooMany = await ReserveAsync(ore, conference.Id, "0201011", places: 1);

        Assert.Equal("waitlisted", (await service.ViewAsync(waiting.Id)).Status);
        Assert.Equal("confirmed", (await service.ViewAsync(fromJst.Id)).Status);
        var listed = Assert.Single((await ore.GetFromJsonAsync<List<JstReservations.ReservationView>>(
            $"{Conferences.Api}/conferences/{conference.Id}/reservations", Ct))!);
        Assert.Equal((2, 1, "active"), (listed.Places, listed.Used, listed.Status));
        Assert.Equal(HttpStatusCode.Conflict, tooMany.StatusCode);
        await service.AssertPlacesHoldAsync(conference.Id);

        var cancelled = await ore.PostAsync($"{Conferences.Api}/conferences/{conference.Id}/reservations/{reservation.Id}/cancel", null, Ct);

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("cancelled", (await cancelled.Content.ReadFromJsonAsync<JstReservations.ReservationView>(Ct))!.Status);
        Assert.Equal("confirmed", (await service.ViewAsync(fromJst.Id)).Status);
        Assert.Equal("offered", (await service.ViewAsync(waiting.Id)).Status);
        Assert.Equal(4, (await service.AssertPlacesHoldAsync(conference.Id)).PlacesTaken);
    }

    [Fact]
    public async Task A_reservation_past_its_end_is_released_to_the_waitlist_and_a_JST_person_waiting_takes_a_place_freed_in_it_first()
    {
        await service.JstWithTeamAsync("1465011", "Warszawa", "city-county", "mazowieckie");
        var conference = await service.PublishedAsync(capacity: 3);
        using var ore = service.Operator();
        Assert.Equal(HttpStatusCode.Created, (await ReserveAsync(ore, conference.Id, "1465011", places: 2, expiresIn: TimeSpan.FromDays(2))).StatusCode);
        var first = await service.ConfirmedAsync(conference.Id, "warszawa1@um.example.pl", jstTerc: "1465011");
        var second = await service.ConfirmedAsync(conference.Id, "warszawa2@um.example.pl", jstTerc: "1465011");
        await service.ConfirmedAsync(conference.Id, "ktos@example.pl");
        var other = await service.ConfirmedAsync(conference.Id, "inny@example.pl");
        var third = await service.ConfirmedAsync(conference.Id, "warszawa3@um.example.pl", jstTerc: "1465011");
        Assert.Equal(("waitlisted", "waitlisted"), ((await service.ViewAsync(other.Id)).Status, (await service.ViewAsync(third.Id)).Status));

        // A place of the reservation freed goes to the JST's person waiting, though another came before them.
        await service.ActedAsync(first.Id, "cancel");
        Assert.Equal(("waitlisted", "offered"), ((await service.ViewAsync(other.Id)).Status, (await service.ViewAsync(third.Id)).Status));
        await service.AssertPlacesHoldAsync(conference.Id);

        await service.ActedAsync(third.Id, "accept");
        await service.ActedAsync(second.Id, "cancel");
        Assert.Equal("waitlisted", (await service.ViewAsync(other.Id)).Status);
        service.Clock.Advance(TimeSpan.FromDays(3));
        await service.RunDeadlinesAsync();

        Assert.Equal("offered", (await service.ViewAsync(other.Id)).Status);
        Assert.Equal("confirmed", (await service.ViewAsync(third.Id)).Status);
        var listed = Assert.Single((await ore.GetFromJsonAsync<List<JstReservations.ReservationView>>(
            $"{Conferences.Api}/conferences/{conference.Id}/reservations", Ct))!);
        Assert.Equal("expired", listed.Status);
        Assert.Equal(3, (await service.AssertPlacesHoldAsync(conference.Id)).PlacesTaken);
    }

    [Fact]
    public async Task Places_are_reserved_only_for_a_JST_taking_part_in_the_programme()
    {
        await service.RegisterJstAsync("0206011", "Bolków", "urban-rural-municipality");
        var conference = await service.PublishedAsync(capacity: 10);
        using var ore = service.Operator();
        var before = await service.RowCountsAsync();

        var refused = await ReserveAsync(ore, conference.Id, "0206011", places: 2);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(["jstTerc"], System.Text.Json.JsonDocument.Parse(await refused.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("errors")
            .EnumerateObject().Select(e => e.Name));
        Assert.Equal(before, await service.RowCountsAsync());
    }
}
