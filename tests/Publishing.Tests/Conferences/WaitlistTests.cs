using Cro.Publishing.Features.Conferences.Registrations;

namespace Cro.Publishing.Tests.Conferences;

/// <summary>
/// A full conference's waitlist: registrations arriving at once take the last places and queue in order; a freed place
/// goes to the next person waiting with a hold, declined or lapsed offers move on, and no one is offered twice; no place is
/// lost or given twice at any step (<see cref="Conferences.AssertPlacesHoldAsync"/>).
/// </summary>
public sealed class WaitlistTests(PublishingService service) : IClassFixture<PublishingService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Fifty_people_racing_for_the_last_three_places_get_three_and_a_waitlist_in_order_and_freed_places_go_down_it_once_each()
    {
        var conference = await service.PublishedAsync(capacity: 10, offerHoldHours: 48);
        var early = new List<RegisterForConference.RegistrationReceipt>();
        for (var i = 0; i < 7; i++)
        {
            early.Add(await service.ConfirmedAsync(conference.Id, $"wczesny{i}@example.pl"));
        }

        var responses = await Task.WhenAll(Enumerable.Range(0, 50)
            .Select(i => service.RegisterAsync(conference.Id, Conferences.Registration($"uczestnik{i:D2}@gmina{i}.example.pl"))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var receipts = await Task.WhenAll(responses.Select(r => r.Content.ReadFromJsonAsync<RegisterForConference.RegistrationReceipt>(Ct)));
        Assert.Equal(3, receipts.Count(r => r!.Status == "pending"));
        var waiting = receipts.Where(r => r!.Status == "waitlisted").OrderBy(r => r!.WaitlistPosition).Select(r => r!.Id).ToList();
        Assert.Equal(Enumerable.Range(1, 47), receipts.Where(r => r!.Status == "waitlisted").Select(r => r!.WaitlistPosition!.Value).Order());
        Assert.Equal(10, (await service.AssertPlacesHoldAsync(conference.Id)).PlacesTaken);
        // Everyone confirms the address, at once, so no one expires while the places move.
        Assert.All(await Task.WhenAll(receipts.Select(r => service.ActAsync(r!.Id, "confirm"))), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(47, (await service.AssertPlacesHoldAsync(conference.Id)).Waitlisted);

        // Three who came early cancel at once: their places go to the first three waiting.
        Assert.All(await Task.WhenAll(early.Take(3).Select(r => service.ActAsync(r.Id, "cancel"))), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(["offered", "offered", "offered", "waitlisted"], await StatusesAsync(waiting.Take(4)));
        Assert.Equal(1, (await service.ViewAsync(waiting[3])).WaitlistPosition);
        await service.AssertPlacesHoldAsync(conference.Id);

        // The first takes the place, the second gives it up (to the fourth), the third lets it lapse.
        var accepted = await service.ActedAsync(waiting[0], "accept");
        var declined = await service.ActedAsync(waiting[1], "decline");
        Assert.Equal(("confirmed", "declined"), (accepted.Status, declined.Status));
        Assert.Equal("offered", (await service.ViewAsync(waiting[3])).Status);
        await service.AssertPlacesHoldAsync(conference.Id);

        service.Clock.Advance(TimeSpan.FromHours(49));
        await service.RunDeadlinesAsync();

        // The third's and the fourth's holds lapsed: the fifth and the sixth are offered, the seventh still waits.
        Assert.Equal(["confirmed", "declined", "lapsed", "lapsed", "offered", "offered", "waitlisted"], await StatusesAsync(waiting.Take(7)));
        Assert.Equal(HttpStatusCode.Gone, (await service.ActAsync(waiting[2], "accept")).StatusCode);
        var offers = await service.EventsAsync("ConferencePlaceOffered", e => e.GetProperty("conferenceId").GetGuid() == conference.Id);
        var offeredTo = offers.Select(e => e.GetProperty("registrationId").GetGuid()).ToList();
        Assert.Equal(waiting.Take(6).Order(), offeredTo.Order());
        Assert.Equal(offeredTo.Count, offeredTo.Distinct().Count());
        Assert.Equal(2, (await service.EventsAsync("ConferenceRegistrationEnded",
            e => e.GetProperty("conferenceId").GetGuid() == conference.Id && e.GetProperty("reason").GetString() == "lapsed")).Count);
        var places = await service.AssertPlacesHoldAsync(conference.Id);
        Assert.Equal((10, 2, 41), (places.PlacesTaken, places.Offered, places.Waitlisted));
        Assert.Empty(await service.QueryAsync<Guid>(
            "SELECT id FROM conference_registrations WHERE conference_id = @Id AND status = 'waitlisted' AND offered_at IS NOT NULL", new { conference.Id }));
    }

    [Fact]
    public async Task A_place_freed_while_people_wait_is_never_taken_by_a_newcomer()
    {
        var conference = await service.PublishedAsync(capacity: 1);
        var holder = await service.ConfirmedAsync(conference.Id, "posiadacz@example.pl");
        var first = await service.ConfirmedAsync(conference.Id, "pierwsza.w.kolejce@example.pl");

        await service.ActedAsync(holder.Id, "cancel");
        var newcomer = await service.RegisteredAsync(conference.Id, Conferences.Registration("spozniony@example.pl"));

        Assert.Equal("offered", (await service.ViewAsync(first.Id)).Status);
        Assert.Equal(("waitlisted", 1), (newcomer.Status, newcomer.WaitlistPosition));
        await service.AssertPlacesHoldAsync(conference.Id);
    }

    [Fact]
    public async Task A_larger_capacity_offers_the_new_places_down_the_waitlist_and_a_smaller_one_than_the_places_held_is_refused()
    {
        var conference = await service.PublishedAsync(capacity: 2);
        for (var i = 0; i < 5; i++)
        {
            await service.ConfirmedAsync(conference.Id, $"osoba{i}@example.pl");
        }
        using var ore = service.Operator();
        var now = service.Clock.GetUtcNow();

        var shrunk = await ore.PutAsJsonAsync($"{Conferences.Api}/conferences/{conference.Id}",
            Conferences.Conference(1, now, conference.StartsAt), Ct);
        var grown = await ore.PutAsJsonAsync($"{Conferences.Api}/conferences/{conference.Id}",
            Conferences.Conference(4, now, conference.StartsAt), Ct);

        Assert.Equal(HttpStatusCode.Conflict, shrunk.StatusCode);
        Assert.Contains("\"capacity\"", await shrunk.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, grown.StatusCode);
        var places = await service.AssertPlacesHoldAsync(conference.Id);
        Assert.Equal((4, 2, 1), (places.PlacesTaken, places.Offered, places.Waitlisted));
    }

    private async Task<List<string>> StatusesAsync(IEnumerable<Guid> registrations)
    {
        var statuses = new List<string>();
        foreach (var id in registrations)
        {
            statuses.Add((await service.ViewAsync(id)).Status);
        }
        return statuses;
    }
}
