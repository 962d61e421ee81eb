using Cro.Advisory.Features.Calendar;
using Cro.ServiceDefaults;

namespace Cro.Advisory.Tests;

/// <summary>
/// The calendar feeds of advisory meetings: an advisor's and a team's, at secret addresses calendar apps subscribe to, in
/// Warsaw time with its VTIMEZONE, each meeting under the UID its mailed notices carry, with its SEQUENCE and status.
/// </summary>
public sealed class CalendarFeedTests(AdvisoryService service) : IClassFixture<AdvisoryService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Monday 29 March 2027, the day after clocks go forward, and Monday 1 November 2027, the day after they go back: 9:00 in Warsaw.</summary>
    private static readonly DateTimeOffset AfterSpring = WarsawTime.ToInstant(new DateTime(2027, 3, 29, 9, 0, 0));
    private static readonly DateTimeOffset AfterAutumn = WarsawTime.ToInstant(new DateTime(2027, 11, 1, 9, 0, 0));

    private static async Task<Uri> IssueAsync(HttpClient person, string path)
    {
        var response = await person.PostAsync(path, null, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<CalendarFeeds.CalendarFeedIssued>(Ct))!.Url;
    }

    /// <summary>Reads the feed as a calendar app does: by its address alone, with no token.</summary>
    private async Task<(HttpResponseMessage Response, Ical.Net.Calendar? Calendar)> SubscribeAsync(Uri feed)
    {
        var response = await service.Anonymous.GetAsync(feed.PathAndQuery, Ct);
        return (response, response.IsSuccessStatusCode ? Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync(Ct)) : null);
    }

    private static async Task<MeetingDto> BookAsync(HttpClient client, Guid engagementId, DateTimeOffset at, string topic = "Spotkanie")
    {
        var response = await client.PostAsJsonAsync($"/api/advisory/engagements/{engagementId}/meetings", new { startsAt = at, topic, stage = "plan" }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<MeetingDto>(Ct))!;
    }

    private async Task<string> AnnouncedUidAsync(Guid meetingId) =>
        (await service.EventsAsync(nameof(AdvisoryMeetingBooked), e => e.GetProperty("meetingId").GetGuid() == meetingId))[0]
        .GetProperty("calendarUid").GetString()!;

    [Fact]
    public async Task An_advisors_feed_has_their_meetings_in_Warsaw_time_across_the_changes_of_clocks_under_the_mails_UIDs()
    {
        var (team, advisor, engagement) = await service.EngagedAsync("0201011");
        var member = service.Member(team.MemberEmail, team.Terc);
        var spring = await BookAsync(member, engagement.Id, AfterSpring, "Diagnoza: ankiety");
        var autumn = await BookAsync(member, engagement.Id, AfterAutumn);
        var moved = await BookAsync(member, engagement.Id, service.NextWeekdayAt(10, daysAhead: 5));
        var cancelled = await BookAsync(member, engagement.Id, service.NextWeekdayAt(13, daysAhead: 5));
        Assert.Equal(HttpStatusCode.OK, (await member.PutAsJsonAsync($"/api/advisory/meetings/{moved.Id}/time",
            new { startsAt = service.NextWeekdayAt(11, daysAhead: 6) }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await member.PostAsJsonAsync($"/api/advisory/meetings/{cancelled.Id}/cancel", new { reason = "Sesja rady" }, Ct)).StatusCode);

        var url = await IssueAsync(service.Advisor(advisor.Email), "/api/advisory/advisors/me/calendar-feed");
        var (response, calendar) = await SubscribeAsync(url);

        Assert.Equal("https://cro.test/", url.GetLeftPart(UriPartial.Authority) + "/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.True(response.Headers.CacheControl is { Private: true, NoStore: true });
        Assert.Equal("Europe/Warsaw", Assert.Single(calendar!.TimeZones).TzId);
        Assert.Equal("PUBLISH", calendar.Method);
        var events = calendar.Events.ToDictionary(e => e.Uid!);
        Assert.Equal(4, events.Count);
        var springEvent = events[await AnnouncedUidAsync(spring.Id)];
        var autumnEvent = events[await AnnouncedUidAsync(autumn.Id)];
        Assert.Equal(("Europe/Warsaw", 9, 10), (springEvent.DtStart!.TzId, springEvent.DtStart.Hour, springEvent.DtEnd!.Hour));
        Assert.Equal(new DateTime(2027, 3, 29, 7, 0, 0, DateTimeKind.Utc), springEvent.DtStart.AsUtc);
        Assert.Equal(("Europe/Warsaw", 9), (autumnEvent.DtStart!.TzId, autumnEvent.DtStart.Hour));
        Assert.Equal(new DateTime(2027, 11, 1, 8, 0, 0, DateTimeKind.Utc), autumnEvent.DtStart.AsUtc);
        Assert.Equal((0, "CONFIRMED"), (springEvent.Sequence, springEvent.Status));
        Assert.Equal($"Spotkanie doradcze: Diagnoza: ankiety — {team.JstName}", springEvent.Summary);
        Assert.Equal(("https://spotkania.example.pl/doradca", new Uri("https://spotkania.example.pl/doradca")), (springEvent.Location, springEvent.Url));
        var movedEvent = events[$"{moved.Id}@cro-advisory"];
        Assert.Equal((1, 11), (movedEvent.Sequence, movedEvent.DtStart!.Hour));
        var cancelledEvent = events[$"{cancelled.Id}@cro-advisory"];
        var cancellation = Assert.Single(await service.EventsAsync(nameof(AdvisoryMeetingCancelled), e => e.GetProperty("meetingId").GetGuid() == cancelled.Id));
        Assert.Equal(cancellation.GetProperty("calendarUid").GetString(), cancelledEvent.Uid);
        Assert.Equal(("CANCELLED", cancellation.GetProperty("sequence").GetInt32()), (cancelledEvent.Status, cancelledEvent.Sequence));
        Assert.Contains("ODWOŁANE: Sesja rady", cancelledEvent.Description);
    }

    [Fact]
    public async Task A_teams_feed_has_its_meetings_only_and_stops_with_a_new_address_or_when_the_holder_leaves_the_team()
    {
        var (team, _, engagement) = await service.EngagedAsync("0201022");
        var (otherTeam, _, otherEngagement) = await service.EngagedAsync("0201033");
        var ours = await BookAsync(service.Member(team.CoordinatorEmail, team.Terc), engagement.Id, service.NextWeekdayAt(9, daysAhead: 4));
        var theirs = await BookAsync(service.Member(otherTeam.MemberEmail, otherTeam.Terc), otherEngagement.Id, service.NextWeekdayAt(9, daysAhead: 4));
        var member = service.Member(team.MemberEmail, team.Terc);

        var first = await IssueAsync(member, "/api/advisory/team/calendar-feed");
        var second = await IssueAsync(member, "/api/advisory/team/calendar-feed");
        var coordinators = await IssueAsync(service.Member(team.CoordinatorEmail, team.Terc), "/api/advisory/team/calendar-feed");
        var (response, calendar) = await SubscribeAsync(second);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([$"{ours.Id}@cro-advisory"], calendar!.Events.Select(e => e.Uid));
        Assert.DoesNotContain(calendar.Events, e => e.Uid == $"{theirs.Id}@cro-advisory");
        Assert.Equal(HttpStatusCode.NotFound, (await SubscribeAsync(first)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await service.Anonymous.GetAsync("/api/advisory/calendar/nie-ma-takiego-kalendarza-wcale.ics", Ct)).StatusCode);

        var memberId = (await service.QueryAsync<Guid>("SELECT id FROM team_members WHERE email = @MemberEmail", team)).Single();
        await service.PublishTwiceAsync(new TeamMemberLeft
        {
            ApplicationId = team.ApplicationId, RoundId = team.RoundId, JstTerc = team.Terc, MemberId = memberId, Email = team.MemberEmail,
            LeftAt = DateTimeOffset.UtcNow,
        });
        await Eventually.GetAsync(() => SubscribeAsync(second), feed => feed.Response.StatusCode == HttpStatusCode.NotFound, what: "the leaver's feed gone");
        Assert.Equal(HttpStatusCode.OK, (await SubscribeAsync(coordinators)).Response.StatusCode);
    }

    [Fact]
    public async Task Only_an_advisor_gets_an_advisors_feed_and_only_a_team_member_a_teams()
    {
        var stranger = service.Member($"nikt-{Guid.NewGuid():N}@jst.example.pl", "0201044");

        Assert.Equal(HttpStatusCode.Unauthorized, (await service.Anonymous.PostAsync("/api/advisory/advisors/me/calendar-feed", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await service.Trainer().PostAsync("/api/advisory/advisors/me/calendar-feed", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await service.Trainer().PostAsync("/api/advisory/team/calendar-feed", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await service.Advisor($"nieznany-{Guid.NewGuid():N}@ore.example.pl").PostAsync("/api/advisory/advisors/me/calendar-feed", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.PostAsync("/api/advisory/team/calendar-feed", null, Ct)).StatusCode);
    }
}
