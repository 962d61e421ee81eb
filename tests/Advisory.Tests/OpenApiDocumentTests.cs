namespace Cro.Advisory.Tests;

/// <summary>The advisory's OpenAPI document, read as a partner reads it and held against the service's real answers.</summary>
public sealed class OpenApiDocumentTests(AdvisoryService service) : OpenApiDocumentFacts("advisory"), IClassFixture<AdvisoryService>
{
    protected override HttpClient Anonymous => service.Anonymous;

    [Fact]
    public async Task Answers_to_an_operator_an_advisor_a_team_member_and_anyone_are_as_documented()
    {
        var document = await DocumentAsync();
        var (team, advisor, engagement) = await service.EngagedAsync("1601011");
        var member = service.Member(team.MemberEmail, team.Terc);
        var meeting = await (await member.PostAsJsonAsync($"/api/advisory/engagements/{engagement.Id}/meetings",
            new { startsAt = service.NextWeekdayAt(10), topic = "Diagnoza", stage = "diagnosis" }, Ct)).Content.ReadFromJsonAsync<MeetingDto>(Ct);
        var debate = await (await member.PostAsJsonAsync($"/api/advisory/engagements/{engagement.Id}/dialogue-meetings", new
        {
            kind = "debate", topic = "Szkoła cyfrowa", startsAt = service.Clock.GetUtcNow().AddDays(5), place = "Aula", openRegistration = true, capacity = 50,
        }, Ct)).Content.ReadFromJsonAsync<DebateDto>(Ct);
        string[] known =
        [
            $"/api/advisory/engagements/{engagement.Id}", $"/api/advisory/engagements/{engagement.Id}/advisors",
            $"/api/advisory/engagements/{engagement.Id}/team",
            $"/api/advisory/engagements/{engagement.Id}/slots", $"/api/advisory/meetings/{meeting!.Id}", $"/api/advisory/dialogue-meetings/{debate!.Id}",
            $"/api/advisory/dialogue-meetings/{debate.Id}/registrations", $"/api/advisory/advisors/{advisor.Id}/availability",
            $"/api/advisory/rounds/{team.RoundId}/budget", $"/api/advisory/rounds/{team.RoundId}/assignment-suggestion",
        ];

        var byOperator = await document.AssertAnswersAsync(service.Operator(),
            [.. document.PathsWithoutParameters(), .. known, .. document.PathsForNothing()], Ct);
        await document.AssertAnswersAsync(service.Advisor(advisor.Email), [.. document.PathsWithoutParameters(), .. known], Ct);
        await document.AssertAnswersAsync(member, [.. document.PathsWithoutParameters(), .. known], Ct);
        var byAnyone = await document.AssertAnswersAsync(service.Anonymous,
            [.. document.PathsWithoutParameters(), $"/api/advisory/public/debates/{debate.RegistrationToken}"], Ct);

        Assert.All(known, path => Assert.Equal(200, byOperator[path]));
        Assert.Equal(200, byAnyone[$"/api/advisory/public/debates/{debate.RegistrationToken}"]);
    }

    private sealed record DebateDto(Guid Id, string RegistrationToken);
}
