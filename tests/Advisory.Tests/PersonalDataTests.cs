using Cro.Advisory.Features.PersonalData;
using Cro.ServiceDefaults;

namespace Cro.Advisory.Tests;

/// <summary>
/// GET /api/advisory/me/personal-data: the caller's team places, meetings, registrations, advisor record and calendar feeds, and
/// none of their names or addresses after an erasure (meetings and teams keep counting).
/// </summary>
public sealed class PersonalDataTests(AdvisoryService service) : IClassFixture<AdvisoryService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<MyPersonalData.HeldData> ExportAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/advisory/me/personal-data", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<MyPersonalData.HeldData>(Ct))!;
    }

    private HttpClient Member(Guid id, AcceptedTeam team) =>
        service.ClientWith(TestTokens.Person(id, ["jst-member"], jst: team.Terc, email: team.MemberEmail, name: "Jan Członek"));

    private async Task<MeetingDto> BookAsync(HttpClient member, Guid engagementId)
    {
        var response = await member.PostAsJsonAsync($"/api/advisory/engagements/{engagementId}/meetings",
            new { startsAt = service.NextWeekdayAt(10, daysAhead: 4), topic = "Plan cyfryzacji", stage = "plan" }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<MeetingDto>(Ct))!;
    }

    [Fact]
    public async Task A_member_and_an_advisor_each_get_only_their_own_data()
    {
        var (team, advisor, engagement) = await service.EngagedAsync("0201011");
        var member = Member(Guid.CreateVersion7(), team);
        var meeting = await BookAsync(member, engagement.Id);
        Assert.Equal(HttpStatusCode.OK, (await member.PostAsync("/api/advisory/team/calendar-feed", null, Ct)).StatusCode);

        var mine = await ExportAsync(member);
        var advisors = await ExportAsync(service.Advisor(advisor.Email));

        var place = Assert.Single(mine.Teams);
        Assert.Equal(("Jan Członek", team.MemberEmail, false), (place.FullName, place.Email, place.IsCoordinator));
        var booked = Assert.Single(mine.Meetings);
        Assert.Equal((meeting.Id, true), (booked.MeetingId, booked.Booked));
        Assert.Equal("team", Assert.Single(mine.CalendarFeeds).Kind);
        Assert.Null(mine.Advisor);
        Assert.DoesNotContain(team.CoordinatorEmail, System.Text.Json.JsonSerializer.Serialize(mine));
        Assert.Empty(advisors.Teams);
        Assert.Empty(advisors.Meetings);
        Assert.Equal(advisor.Email, advisors.Advisor?.Email);
    }

    [Fact]
    public async Task After_an_erasure_the_person_is_gone_from_the_export_and_the_meetings_and_team_keep_counting()
    {
        var (team, advisor, engagement) = await service.EngagedAsync("0201022");
        var userId = Guid.CreateVersion7();
        var member = Member(userId, team);
        await BookAsync(member, engagement.Id);
        Assert.Equal(HttpStatusCode.OK, (await member.PostAsync("/api/advisory/team/calendar-feed", null, Ct)).StatusCode);

        await service.PublishTwiceAsync(new PersonErased { UserId = userId, ErasedAt = DateTimeOffset.UtcNow, Email = team.MemberEmail.ToUpperInvariant() });
        await service.PublishTwiceAsync(new PersonErased { UserId = Guid.CreateVersion7(), ErasedAt = DateTimeOffset.UtcNow, Email = advisor.Email });
        await Eventually.GetAsync(() => service.QueryAsync<string>("SELECT full_name FROM advisors WHERE id = @Id", advisor),
            rows => rows.Single() == ErasedPerson.Name, what: "the advisor erased");
        await Eventually.GetAsync(() => service.QueryAsync<string>(
                "SELECT full_name FROM team_members WHERE application_id = @ApplicationId AND NOT is_coordinator", team),
            rows => rows.Single() == ErasedPerson.Name, what: "the member erased");

        var after = await ExportAsync(member);
        Assert.Empty(after.Teams);
        Assert.Empty(after.CalendarFeeds);
        Assert.All(after.Meetings, m => Assert.Equal(ErasedPerson.Name, m.NameRecorded));
        Assert.Null((await ExportAsync(service.Advisor(advisor.Email))).Advisor);
        Assert.Equal(2, (await service.QueryAsync<int>("SELECT count(*)::int FROM team_members WHERE application_id = @ApplicationId", team))[0]);
        Assert.Single(await service.QueryAsync<Guid>("SELECT id FROM meetings WHERE engagement_id = @Id", engagement));
    }
}
