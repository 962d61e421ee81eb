using System.Text.Json;

namespace Cro.Advisory.Tests;

public sealed class BookingTests(AdvisoryService service) : IClassFixture<AdvisoryService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_team_books_a_free_slot_which_then_disappears_for_everyone_and_the_booking_is_announced()
    {
        var (team, advisor, engagement) = await service.EngagedAsync("1201011");
        var member = service.Member(team.MemberEmail, team.Terc);
        var at = service.NextWeekdayAt(10);
        var slotsBefore = (await member.GetFromJsonAsync<List<SlotDto>>(Slots(engagement.Id, at), Ct))!;
        Assert.Contains(slotsBefore, s => s.StartsAt == at);
        Assert.All(slotsBefore, s => Assert.Equal(TimeSpan.FromHours(1), s.EndsAt - s.StartsAt));

        var response = await member.PostAsJsonAsync($"/api/advisory/engagements/{engagement.Id}/meetings",
            new { startsAt = at, topic = "Jak zacząć diagnozę", stage = "diagnosis" }, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var meeting = (await response.Content.ReadFromJsonAsync<MeetingDto>(Ct))!;
        Assert.Equal(("booked", "online", "https://spotkania.example.pl/doradca"), (meeting.Status, meeting.Mode, meeting.Location));
        var slotsAfter = (await member.GetFromJsonAsync<List<SlotDto>>(Slots(engagement.Id, at), Ct))!;
        // The booked hour is gone, and with the 15-minute buffers so are the hours next to it.
        Assert.DoesNotContain(slotsAfter, s => s.StartsAt == at || s.StartsAt == at.AddHours(-1) || s.StartsAt == at.AddHours(1));
        var announced = Assert.Single(await service.EventsAsync(nameof(AdvisoryMeetingBooked), e => e.GetProperty("meetingId").GetGuid() == meeting.Id));
        var attendees = announced.GetProperty("attendees").EnumerateArray().Select(a => a.GetProperty("email").GetString()).ToList();
        Assert.Contains(advisor.Email, attendees);
        Assert.Contains(team.MemberEmail, attendees);
        Assert.Contains(team.CoordinatorEmail, attendees);
        var burnDown = (await member.GetFromJsonAsync<EngagementDto>($"/api/advisory/engagements/{engagement.Id}", Ct))!.BurnDown;
        Assert.Equal((40m, 1m, 39m), (burnDown.Budget, burnDown.Booked, burnDown.Left));
    }

    [Fact]
    public async Task A_time_taken_by_another_meeting_is_refused_with_409_naming_when_and_nothing_is_written()
    {
        var (team, _, engagement) = await service.EngagedAsync("1201022");
        var member = service.Member(team.MemberEmail, team.Terc);
        var at = service.NextWeekdayAt(11);
        Assert.Equal(HttpStatusCode.Created, (await Book(member, engagement.Id, at)).StatusCode);

        var same = await Book(member, engagement.Id, at);
        // 12:00 starts as the 11:00 meeting ends, but each keeps 15 minutes free around it: their blocked times overlap.
        var next = await Book(member, engagement.Id, at.AddHours(1));

        Assert.Equal(HttpStatusCode.Conflict, same.StatusCode);
        // Named by the time it blocks, buffers included, and nothing of whose meeting it is.
        var detail = (await same.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString()!;
        Assert.Contains("10:45", detail);
        Assert.Contains("12:15", detail);
        Assert.Equal(HttpStatusCode.Conflict, next.StatusCode);
        Assert.Single(await service.QueryAsync<Guid>("SELECT id FROM meetings WHERE engagement_id = @Id", new { engagement.Id }));
    }

    [Fact]
    public async Task Two_team_members_booking_the_same_slot_at_once_get_exactly_one_meeting()
    {
        var (team, _, engagement) = await service.EngagedAsync("1201032");
        var at = service.NextWeekdayAt(14);
        var clients = Enumerable.Range(0, 8).Select(i => service.Member(i % 2 == 0 ? team.MemberEmail : team.CoordinatorEmail, team.Terc)).ToList();

        var answers = await Task.WhenAll(clients.Select(c => Book(c, engagement.Id, at)));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        Assert.Single(await service.QueryAsync<Guid>("SELECT id FROM meetings WHERE engagement_id = @Id AND status <> 'cancelled'", new { engagement.Id }));
    }

    [Fact]
    public async Task Times_outside_the_advisors_week_in_the_past_inside_the_notice_beyond_the_horizon_or_in_time_away_are_400_on_startsAt()
    {
        var (team, advisor, engagement) = await service.EngagedAsync("1201043");
        var member = service.Member(team.MemberEmail, team.Terc);
        var away = service.NextWeekdayAt(8, daysAhead: 10);
        Assert.Equal(HttpStatusCode.Created, (await service.Advisor(advisor.Email).PostAsJsonAsync("/api/advisory/advisors/me/exceptions",
            new { from = away, to = away.AddHours(8), reason = "Urlop" }, Ct)).StatusCode);
        var saturday = service.NextWeekdayAt(10);
        while (Cro.ServiceDefaults.WarsawTime.InWarsaw(saturday).DayOfWeek != DayOfWeek.Saturday)
        {
            saturday = saturday.AddDays(1);
        }

        foreach (var refused in new[]
                 {
                     service.NextWeekdayAt(18), saturday, service.Clock.GetUtcNow().AddDays(-3), service.Clock.GetUtcNow().AddHours(3),
                     service.NextWeekdayAt(10, daysAhead: 400), away.AddHours(2), service.NextWeekdayAt(10).AddMinutes(7 * 60 + 30),
                 })
        {
            var response = await Book(member, engagement.Id, refused);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("startsAt", out _), $"{refused}");
        }
        Assert.Empty(await service.QueryAsync<Guid>("SELECT id FROM meetings WHERE engagement_id = @Id", new { engagement.Id }));
    }

    [Fact]
    public async Task A_meeting_over_the_budget_waits_for_ORE_and_is_announced_once_approved()
    {
        var (team, _, engagement) = await service.EngagedAsync("1201052", hours: 1);
        var member = service.Member(team.MemberEmail, team.Terc);
        var first = (await (await Book(member, engagement.Id, service.NextWeekdayAt(9))).Content.ReadFromJsonAsync<MeetingDto>(Ct))!;
        var second = (await (await Book(member, engagement.Id, service.NextWeekdayAt(13))).Content.ReadFromJsonAsync<MeetingDto>(Ct))!;

        Assert.Equal(("booked", "awaiting-approval"), (first.Status, second.Status));
        Assert.Empty(await service.EventsAsync(nameof(AdvisoryMeetingBooked), e => e.GetProperty("meetingId").GetGuid() == second.Id));
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsync($"/api/advisory/meetings/{second.Id}/approve", null, Ct)).StatusCode);

        var approved = await service.Operator().PostAsync($"/api/advisory/meetings/{second.Id}/approve", null, Ct);

        Assert.Equal("booked", (await approved.Content.ReadFromJsonAsync<MeetingDto>(Ct))!.Status);
        Assert.Single(await service.EventsAsync(nameof(AdvisoryMeetingBooked), e => e.GetProperty("meetingId").GetGuid() == second.Id));
        var burnDown = (await member.GetFromJsonAsync<EngagementDto>($"/api/advisory/engagements/{engagement.Id}", Ct))!;
        Assert.Equal(-1m, burnDown.BurnDown.Left);
        Assert.Contains(burnDown.Warnings, w => w.Code == "budget-spent");
    }

    [Fact]
    public async Task The_team_moves_or_cancels_only_up_to_the_notice_while_the_advisor_may_at_any_time()
    {
        var (team, advisor, engagement) = await service.EngagedAsync("1201062");
        var member = service.Member(team.MemberEmail, team.Terc);
        var meeting = (await (await Book(member, engagement.Id, service.NextWeekdayAt(9, daysAhead: 3))).Content.ReadFromJsonAsync<MeetingDto>(Ct))!;

        var moved = await member.PutAsJsonAsync($"/api/advisory/meetings/{meeting.Id}/time", new { startsAt = service.NextWeekdayAt(12, daysAhead: 3) }, Ct);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var movedMeeting = (await moved.Content.ReadFromJsonAsync<MeetingDto>(Ct))!;
        Assert.Equal(1, movedMeeting.Sequence);
        var notices = await service.EventsAsync(nameof(AdvisoryMeetingBooked), e => e.GetProperty("meetingId").GetGuid() == meeting.Id);
        Assert.True(notices[^1].GetProperty("rescheduled").GetBoolean());

        service.Clock.Advance(movedMeeting.StartsAt - service.Clock.GetUtcNow() - TimeSpan.FromHours(2));
        try
        {
            var late = await member.PostAsJsonAsync($"/api/advisory/meetings/{meeting.Id}/cancel", new { reason = "Choroba" }, Ct);
            Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
            var byAdvisor = await service.Advisor(advisor.Email).PostAsJsonAsync($"/api/advisory/meetings/{meeting.Id}/cancel", new { reason = "Choroba" }, Ct);
            Assert.Equal(HttpStatusCode.OK, byAdvisor.StatusCode);
            var cancelledMeeting = (await byAdvisor.Content.ReadFromJsonAsync<MeetingDto>(Ct))!;
            Assert.Equal(("cancelled", 2), (cancelledMeeting.Status, cancelledMeeting.Sequence));
            var cancelled = Assert.Single(await service.EventsAsync(nameof(AdvisoryMeetingCancelled), e => e.GetProperty("meetingId").GetGuid() == meeting.Id));
            Assert.Equal(2, cancelled.GetProperty("sequence").GetInt32());
        }
        finally
        {
            service.Clock.Advance(-(movedMeeting.StartsAt - service.Clock.GetUtcNow() - TimeSpan.FromHours(2)));
        }
    }

    [Fact]
    public async Task A_held_meeting_is_recorded_once_by_the_advisor_and_debits_the_budget()
    {
        var (team, advisor, engagement) = await service.EngagedAsync("1201072");
        var member = service.Member(team.MemberEmail, team.Terc);
        var meeting = (await (await Book(member, engagement.Id, service.NextWeekdayAt(10))).Content.ReadFromJsonAsync<MeetingDto>(Ct))!;
        var held = new
        {
            heldMinutes = 90, notes = "Omówiono ankiety.", nextSteps = "Zebrać dane ze szkół.",
            participants = new object[] { new { fullName = "Jan Członek" }, new { fullName = "Ewa Dyrektor", role = "dyrektor szkoły" } },
        };

        var early = await service.Advisor(advisor.Email).PostAsJsonAsync($"/api/advisory/meetings/{meeting.Id}/held", held, Ct);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        var offset = meeting.EndsAt - service.Clock.GetUtcNow();
        service.Clock.Advance(offset);
        try
        {
            var byMember = await member.PostAsJsonAsync($"/api/advisory/meetings/{meeting.Id}/held", held, Ct);
            var recorded = await service.Advisor(advisor.Email).PostAsJsonAsync($"/api/advisory/meetings/{meeting.Id}/held", held, Ct);
            var twice = await service.Advisor(advisor.Email).PostAsJsonAsync($"/api/advisory/meetings/{meeting.Id}/held", held, Ct);

            Assert.Equal(HttpStatusCode.Forbidden, byMember.StatusCode);
            Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
            Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
            var burnDown = (await member.GetFromJsonAsync<EngagementDto>($"/api/advisory/engagements/{engagement.Id}", Ct))!.BurnDown;
            Assert.Equal((1.5m, 0m, 38.5m), (burnDown.Held, burnDown.Booked, burnDown.Left));
            var announced = Assert.Single(await service.EventsAsync(nameof(AdvisoryMeetingHeld), e => e.GetProperty("meetingId").GetGuid() == meeting.Id));
            Assert.Equal((90, 2), (announced.GetProperty("heldMinutes").GetInt32(), announced.GetProperty("participants").GetInt32()));
        }
        finally
        {
            service.Clock.Advance(-offset);
        }
    }

    private static string Slots(Guid engagementId, DateTimeOffset around) =>
        $"/api/advisory/engagements/{engagementId}/slots?from={Uri.EscapeDataString(around.AddDays(-1).ToString("O"))}&to={Uri.EscapeDataString(around.AddDays(1).ToString("O"))}";

    private static Task<HttpResponseMessage> Book(HttpClient client, Guid engagementId, DateTimeOffset at) =>
        client.PostAsJsonAsync($"/api/advisory/engagements/{engagementId}/meetings", new { startsAt = at, topic = "Spotkanie", stage = "plan" }, Ct);
}
