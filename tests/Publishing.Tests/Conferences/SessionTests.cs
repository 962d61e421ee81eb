using Cro.Publishing.Features.Conferences;
using Cro.Publishing.Features.Conferences.Registrations;

namespace Cro.Publishing.Tests.Conferences;

/// <summary>An agenda with speakers, and workshops with seats of their own that participants holding a place choose.</summary>
public sealed class SessionTests(PublishingService service) : IClassFixture<PublishingService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_agenda_is_public_with_its_speakers_and_a_workshops_last_seat_goes_to_one_of_two_choosing_it_at_once()
    {
        var now = service.Clock.GetUtcNow();
        var starts = now.AddDays(30);
        var conference = await service.PublishedAsync(capacity: 10, startsAt: starts, sessions:
        [
            new { title = "Otwarcie", startsAt = starts, endsAt = starts.AddHours(1), speakers = new[] { new { fullName = "Jan Prelegent", affiliation = "ORE" } } },
            new { title = "Warsztat: diagnoza cyfryzacji", startsAt = starts.AddHours(2), endsAt = starts.AddHours(4), room = "Sala B", capacity = 2 },
        ]);
        var workshop = conference.Sessions[1].Id;
        var first = await service.RegisteredAsync(conference.Id, Conferences.Registration("pierwszy@example.pl", sessionIds: [workshop]));
        var second = await service.ConfirmedAsync(conference.Id, "drugi@example.pl");
        var third = await service.ConfirmedAsync(conference.Id, "trzeci@example.pl");

        var agenda = (await service.Anonymous.GetFromJsonAsync<PublicConferenceView>($"{Conferences.Api}/public/conferences/{conference.Id}", Ct))!;
        var choices = await Task.WhenAll(new[] { second, third }.Select(r => service.Anonymous.PutAsJsonAsync(
            $"{Conferences.Mine(service.TokenOf(r.Id))}/sessions", new { sessionIds = new[] { workshop } }, Ct)));

        Assert.Equal([workshop], first.SessionIds);
        Assert.Equal(("Jan Prelegent", "ORE"), (agenda.Sessions[0].Speakers[0].FullName, agenda.Sessions[0].Speakers[0].Affiliation));
        Assert.Equal((2, 1), (agenda.Sessions[1].Capacity!.Value, agenda.Sessions[1].SeatsLeft!.Value));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], choices.Select(c => c.StatusCode).Order());
        Assert.Contains("sessionIds", await choices.Single(c => c.StatusCode == HttpStatusCode.Conflict).Content.ReadAsStringAsync(Ct));

        // The first leaves: their seat is free again, and the one refused takes it.
        await service.ActedAsync(first.Id, "cancel");
        var refused = choices[0].StatusCode == HttpStatusCode.Conflict ? second : third;
        var retried = await service.Anonymous.PutAsJsonAsync($"{Conferences.Mine(service.TokenOf(refused.Id))}/sessions", new { sessionIds = new[] { workshop } }, Ct);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal([workshop], (await retried.Content.ReadFromJsonAsync<ParticipantView>(Ct))!.SessionIds);
        Assert.Equal(2, (await service.QueryAsync<int>("SELECT seats_taken FROM conference_sessions WHERE id = @workshop", new { workshop })).Single());
    }

    [Fact]
    public async Task A_draft_is_not_public_and_ORE_cannot_remove_a_session_participants_chose()
    {
        var now = service.Clock.GetUtcNow();
        var starts = now.AddDays(30);
        using var ore = service.Operator();
        var draft = await ore.PostAsJsonAsync($"{Conferences.Api}/conferences", Conferences.Conference(5, now, starts), Ct);
        var draftId = (await draft.Content.ReadFromJsonAsync<ConferenceView>(Ct))!.Id;
        var conference = await service.PublishedAsync(capacity: 5, startsAt: starts, sessions:
            [new { title = "Warsztat", startsAt = starts.AddHours(1), endsAt = starts.AddHours(2), capacity = 3 }]);
        await service.RegisteredAsync(conference.Id, Conferences.Registration("wybral@example.pl", sessionIds: [conference.Sessions[0].Id]));

        var hidden = await service.Anonymous.GetAsync($"{Conferences.Api}/public/conferences/{draftId}", Ct);
        var listed = await service.Anonymous.GetFromJsonAsync<List<PublicConferences.ConferenceSummary>>($"{Conferences.Api}/public/conferences", Ct);
        var removal = await ore.PutAsJsonAsync($"{Conferences.Api}/conferences/{conference.Id}", Conferences.Conference(5, now, starts), Ct);

        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.DoesNotContain(listed!, c => c.Id == draftId);
        Assert.Contains(listed!, c => c.Id == conference.Id && c.Registration == "open");
        Assert.Equal(HttpStatusCode.Conflict, removal.StatusCode);
        Assert.Single(await service.QueryAsync<Guid>("SELECT id FROM conference_sessions WHERE conference_id = @Id", new { conference.Id }));
    }
}
