using Cro.Training.Features.Calendar;
using Cro.Training.Features.Sessions;

namespace Cro.Training.Tests;

public sealed class CalendarTests(TrainingService service) : IClassFixture<TrainingService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<Uri> IssueAsync(HttpClient person)
    {
        var response = await person.PostAsync("/api/training/me/calendar-feed", null, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<CalendarFeed.Issued>(Ct))!.Url;
    }

    /// <summary>Reads the feed as a calendar app does: by its address alone, with no token.</summary>
    private async Task<(HttpResponseMessage Response, Ical.Net.Calendar? Calendar)> SubscribeAsync(Uri feed)
    {
        var response = await service.Anonymous.GetAsync(feed.PathAndQuery, Ct);
        return (response, response.IsSuccessStatusCode ? Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync(Ct)) : null);
    }

    [Fact]
    public async Task A_participants_feed_is_an_iCalendar_of_their_cohorts_sessions_in_Warsaw_time()
    {
        var team = await Teams.AcceptAsync(service, Teams.Boleslawiec);
        var other = await Teams.AcceptAsync(service, Teams.Gromadka);
        var cohort = await Cohorts.CreateAsync(service, [team.ApplicationId], Cohorts.Trainer());
        var otherCohort = await Cohorts.CreateAsync(service, [other.ApplicationId], Cohorts.Trainer());
        // 9:00 in Warsaw in summer (07:00 UTC) and in winter (08:00 UTC).
        var june = await Cohorts.ScheduleAsync(service, cohort.Id, Cohorts.Session(new DateTime(2026, 6, 9, 9, 0, 0), new DateTime(2026, 6, 9, 13, 0, 0)));
        var december = await Cohorts.ScheduleAsync(service, cohort.Id,
            new SessionRequest("M3", new DateTime(2026, 12, 1, 9, 0, 0), new DateTime(2026, 12, 1, 11, 0, 0), "online", null, "https://spotkania.example.pl/m3", 30));
        var elsewhere = await Cohorts.ScheduleAsync(service, otherCohort.Id, Cohorts.Session(new DateTime(2026, 6, 9, 9, 0, 0), new DateTime(2026, 6, 9, 13, 0, 0)));

        var url = await IssueAsync(service.Member(team.Team[0].Email, Teams.Boleslawiec));
        var (response, calendar) = await SubscribeAsync(url);

        Assert.Equal("https://cro.test/", url.GetLeftPart(UriPartial.Authority) + "/");
        Assert.EndsWith(".ics", url.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Europe/Warsaw", Assert.Single(calendar!.TimeZones).TzId);
        Assert.Equal([june.Id, december.Id], calendar.Events.Select(e => Guid.Parse(e.Uid!.Split('@')[0])));
        Assert.DoesNotContain(calendar.Events, e => e.Uid!.StartsWith(elsewhere.Id.ToString()));
        var (first, second) = (calendar.Events[0], calendar.Events[1]);
        var (firstStart, secondStart, secondEnd) = (first!.DtStart!, second!.DtStart!, second.DtEnd!);
        Assert.Equal(("Europe/Warsaw", 9, 0), (firstStart.TzId, firstStart.Hour, firstStart.Minute));
        Assert.Equal(("Europe/Warsaw", 9, 11), (secondStart.TzId, secondStart.Hour, secondEnd.Hour));
        Assert.Equal(new DateTime(2026, 6, 9, 7, 0, 0, DateTimeKind.Utc), firstStart.AsUtc);
        Assert.Equal(new DateTime(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc), secondStart.AsUtc);
        Assert.Equal("M1: Przygotowanie diagnozy stanu cyfryzacji edukacji", first.Summary);
        Assert.Equal("Starostwo Powiatowe w Bolesławcu, sala 12", first.Location);
        Assert.Equal(new Uri("https://spotkania.example.pl/m3"), second.Url);
    }

    [Fact]
    public async Task A_trainers_feed_has_the_sessions_of_the_cohorts_they_train_and_shows_a_moved_session_as_a_new_sequence()
    {
        var trainer = Cohorts.Trainer();
        var cohort = await Cohorts.CreateAsync(service, [(await Teams.AcceptAsync(service, Teams.Osiecznica)).ApplicationId], trainer);
        var start = new DateTime(2026, 9, 1, 10, 0, 0);
        var session = await Cohorts.ScheduleAsync(service, cohort.Id, Cohorts.Session(start, start.AddHours(2)));
        var url = await IssueAsync(service.Trainer(trainer.Email));

        var moved = await service.Operator().PutAsJsonAsync($"/api/training/sessions/{session.Id}", Cohorts.Session(start.AddHours(1), start.AddHours(3)), Ct);
        var (_, calendar) = await SubscribeAsync(url);

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var only = Assert.Single(calendar!.Events);
        Assert.Equal((1, 11), (only.Sequence, only.DtStart!.Hour));
    }

    [Fact]
    public async Task A_new_address_replaces_the_old_one_and_an_unknown_address_is_404()
    {
        var team = await Teams.AcceptAsync(service, Teams.Gromadka);
        var member = service.Member(team.Team[1].Email, Teams.Gromadka);

        var first = await IssueAsync(member);
        var second = await IssueAsync(member);

        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.NotFound, (await SubscribeAsync(first)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SubscribeAsync(second)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await service.Anonymous.GetAsync("/api/training/calendar/nie-ma-takiego-kalendarza-wcale.ics", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await service.Anonymous.PostAsync("/api/training/me/calendar-feed", null, Ct)).StatusCode);
    }

    [Fact]
    public async Task A_participant_reads_their_sessions_as_JSON_too()
    {
        var team = await Teams.AcceptAsync(service, Teams.Boleslawiec);
        var cohort = await Cohorts.CreateAsync(service, [team.ApplicationId]);
        var start = new DateTime(2026, 11, 3, 9, 0, 0);
        var session = await Cohorts.ScheduleAsync(service, cohort.Id, Cohorts.Session(start, start.AddHours(4), "M4"));

        var mine = await service.Member(team.Team[2].Email, Teams.Boleslawiec).GetFromJsonAsync<List<SessionView>>("/api/training/me/sessions", Ct);

        var only = Assert.Single(mine!);
        Assert.Equal((session.Id, "M4", new DateTimeOffset(2026, 11, 3, 9, 0, 0, TimeSpan.FromHours(1))), (only.Id, only.ModuleCode, only.StartsAt));
    }
}
