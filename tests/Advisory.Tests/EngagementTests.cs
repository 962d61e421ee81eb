namespace Cro.Advisory.Tests;

public sealed class EngagementTests(AdvisoryService service) : IClassFixture<AdvisoryService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Assigning_an_advisor_gives_the_JST_twelve_months_and_the_rounds_budget_and_announces_it()
    {
        var team = await service.AcceptTeamAsync("1001011");
        var advisor = await service.RegisterAdvisorAsync();
        var budget = await service.Operator().PutAsJsonAsync($"/api/advisory/rounds/{team.RoundId}/budget", new { hours = 36 }, Ct);
        Assert.Equal(HttpStatusCode.OK, budget.StatusCode);

        var response = await service.Operator().PostAsJsonAsync("/api/advisory/engagements",
            new { applicationId = team.ApplicationId, advisorId = advisor.Id, startsOn = "2026-12-01" }, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var engagement = (await response.Content.ReadFromJsonAsync<EngagementDto>(Ct))!;
        Assert.Equal(new DateOnly(2027, 12, 1), engagement.EndsOn);
        Assert.Equal(36m, engagement.BurnDown.Budget);
        Assert.Equal(36m, engagement.BurnDown.Left);
        var announced = Assert.Single(await service.EventsAsync(nameof(AdvisorAssigned),
            e => e.GetProperty("engagementId").GetGuid() == engagement.Id));
        Assert.Equal(advisor.Email, announced.GetProperty("advisorEmail").GetString());
        Assert.Equal("1001011", announced.GetProperty("jstTerc").GetString());
    }

    [Fact]
    public async Task A_JST_gets_one_advisor_at_a_time_and_a_full_advisor_takes_no_more()
    {
        var advisor = await service.RegisterAdvisorAsync(maxEngagements: 1);
        var first = await service.AcceptTeamAsync("1001022");
        var second = await service.AcceptTeamAsync("1001032");
        var op = service.Operator();
        Assert.Equal(HttpStatusCode.Created, (await op.PostAsJsonAsync("/api/advisory/engagements",
            new { applicationId = first.ApplicationId, advisorId = advisor.Id, startsOn = "2026-12-01" }, Ct)).StatusCode);

        var again = await op.PostAsJsonAsync("/api/advisory/engagements",
            new { applicationId = first.ApplicationId, advisorId = (await service.RegisterAdvisorAsync()).Id, startsOn = "2026-12-01" }, Ct);
        var full = await op.PostAsJsonAsync("/api/advisory/engagements",
            new { applicationId = second.ApplicationId, advisorId = advisor.Id, startsOn = "2026-12-01" }, Ct);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, full.StatusCode);
        Assert.Contains("limit 1", await full.Content.ReadAsStringAsync(Ct));
        Assert.Empty(await service.QueryAsync<Guid>("SELECT id FROM engagements WHERE application_id = @ApplicationId", new { second.ApplicationId }));
    }

    [Fact]
    public async Task A_handover_moves_the_JST_and_its_coming_meetings_to_the_new_advisor_and_keeps_who_advised_when()
    {
        var (team, oldAdvisor, engagement) = await service.EngagedAsync("1001043");
        var booked = await service.Member(team.MemberEmail, team.Terc).PostAsJsonAsync($"/api/advisory/engagements/{engagement.Id}/meetings",
            new { startsAt = service.NextWeekdayAt(10), topic = "Diagnoza szkół", stage = "diagnosis" }, Ct);
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var newAdvisor = await service.RegisterAdvisorAsync();

        var handover = await service.Operator().PostAsJsonAsync($"/api/advisory/engagements/{engagement.Id}/handover",
            new { advisorId = newAdvisor.Id, reason = "Doradca odchodzi z projektu." }, Ct);

        Assert.Equal(HttpStatusCode.OK, handover.StatusCode);
        var history = (await service.Operator().GetFromJsonAsync<List<Period>>($"/api/advisory/engagements/{engagement.Id}/advisors", Ct))!;
        Assert.Equal([oldAdvisor.Id, newAdvisor.Id], history.Select(h => h.AdvisorId));
        Assert.Equal("Doradca odchodzi z projektu.", history[0].Reason);
        Assert.NotNull(history[0].To);
        var meeting = (await booked.Content.ReadFromJsonAsync<MeetingDto>(Ct))!;
        Assert.Equal(newAdvisor.Id, (await service.QueryAsync<Guid>("SELECT advisor_id FROM meetings WHERE id = @Id", new { meeting.Id })).Single());
        // The meeting is announced again, so the new advisor gets the invitation and the reminders.
        var notices = await service.EventsAsync(nameof(AdvisoryMeetingBooked), e => e.GetProperty("meetingId").GetGuid() == meeting.Id);
        Assert.Equal([0, 1], notices.Select(n => n.GetProperty("sequence").GetInt32()));
        Assert.Contains(newAdvisor.Email, notices[1].GetProperty("attendees").EnumerateArray().Select(a => a.GetProperty("email").GetString()));
        // The new advisor sees the JST; the old one no longer does.
        Assert.Equal(HttpStatusCode.OK, (await service.Advisor(newAdvisor.Email).GetAsync($"/api/advisory/engagements/{engagement.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await service.Advisor(oldAdvisor.Email).GetAsync($"/api/advisory/engagements/{engagement.Id}", Ct)).StatusCode);
        var announced = Assert.Single(await service.EventsAsync(nameof(AdvisorAssigned),
            e => e.GetProperty("engagementId").GetGuid() == engagement.Id && e.TryGetProperty("previousAdvisorId", out var p) && p.ValueKind != System.Text.Json.JsonValueKind.Null));
        Assert.Equal(oldAdvisor.Id, announced.GetProperty("previousAdvisorId").GetGuid());
    }

    [Fact]
    public async Task Ending_early_cancels_the_coming_meetings_and_a_withdrawal_ends_the_advisory_too()
    {
        var (team, _, engagement) = await service.EngagedAsync("1001052");
        var member = service.Member(team.MemberEmail, team.Terc);
        await member.PostAsJsonAsync($"/api/advisory/engagements/{engagement.Id}/meetings",
            new { startsAt = service.NextWeekdayAt(9), topic = "Plan", stage = "plan" }, Ct);

        var ended = await service.Operator().PostAsJsonAsync($"/api/advisory/engagements/{engagement.Id}/end", new { reason = "Zmiana zakresu." }, Ct);
        var again = await service.Operator().PostAsJsonAsync($"/api/advisory/engagements/{engagement.Id}/end", new { reason = "Jeszcze raz." }, Ct);

        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        Assert.Equal("ended", (await ended.Content.ReadFromJsonAsync<EngagementDto>(Ct))!.Status);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(["cancelled"], await service.QueryAsync<string>("SELECT status FROM meetings WHERE engagement_id = @Id", new { engagement.Id }));
        Assert.Single(await service.EventsAsync(nameof(EngagementEnded), e => e.GetProperty("engagementId").GetGuid() == engagement.Id));
        Assert.Single(await service.EventsAsync(nameof(AdvisoryMeetingCancelled), e => e.GetProperty("engagementId").GetGuid() == engagement.Id));

        var (withdrawing, _, second) = await service.EngagedAsync("1001062");
        await service.PublishTwiceAsync(new JstWithdrew
        {
            ApplicationId = withdrawing.ApplicationId, RoundId = withdrawing.RoundId, RoundName = "Nabór testowy", JstTerc = withdrawing.Terc,
            JstName = withdrawing.JstName, HadPlace = true, WithdrewAt = DateTimeOffset.UtcNow, Team = [],
        });
        await Eventually.GetAsync(() => service.QueryAsync<DateTime?>("SELECT ended_at FROM engagements WHERE id = @Id", new { second.Id }),
            rows => rows.Single() is not null, what: "the withdrawn JST's advisory ended");
        Assert.Single(await service.EventsAsync(nameof(EngagementEnded), e => e.GetProperty("engagementId").GetGuid() == second.Id));
    }

    [Fact]
    public async Task The_advisor_sees_exactly_the_JST_they_advise_and_a_team_only_its_own()
    {
        var (team, advisor, engagement) = await service.EngagedAsync("1001072");
        var (_, _, otherEngagement) = await service.EngagedAsync("1001082");

        var advisorSees = (await service.Advisor(advisor.Email).GetFromJsonAsync<List<EngagementDto>>("/api/advisory/engagements", Ct))!;
        var teamSees = (await service.Member(team.MemberEmail, team.Terc).GetFromJsonAsync<List<EngagementDto>>("/api/advisory/engagements", Ct))!;

        Assert.Equal([engagement.Id], advisorSees.Select(e => e.Id));
        Assert.Equal([engagement.Id], teamSees.Select(e => e.Id));
        Assert.Equal(HttpStatusCode.NotFound,
            (await service.Member(team.MemberEmail, team.Terc).GetAsync($"/api/advisory/engagements/{otherEngagement.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await service.Trainer().GetAsync("/api/advisory/engagements", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await service.Anonymous.GetAsync("/api/advisory/engagements", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_advisor_reads_the_names_of_the_team_they_advise_and_of_no_other()
    {
        var (_, advisor, engagement) = await service.EngagedAsync("1002011");
        var (_, _, otherEngagement) = await service.EngagedAsync("1002022");

        var team = (await service.Advisor(advisor.Email).GetFromJsonAsync<List<Member>>($"/api/advisory/engagements/{engagement.Id}/team", Ct))!;

        Assert.Equal([("Anna Koordynator", true), ("Jan Członek", false)], team.Select(m => (m.FullName, m.IsCoordinator)));
        Assert.Equal(HttpStatusCode.NotFound,
            (await service.Advisor(advisor.Email).GetAsync($"/api/advisory/engagements/{otherEngagement.Id}/team", Ct)).StatusCode);
    }

    private sealed record Member(Guid Id, string FullName, bool IsCoordinator);

    private sealed record Period(Guid AdvisorId, string AdvisorName, DateTimeOffset From, DateTimeOffset? To, string? Reason);
}
