namespace Cro.Advisory.Tests;

/// <summary>A class of its own: the suggestion weighs every advisor registered, so no other test's advisors may be there.</summary>
public sealed class AssignmentSuggestionTests(AdvisoryService service) : IClassFixture<AdvisoryService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_suggestion_prefers_an_advisor_of_the_region_and_balances_the_rest_and_the_bulk_assignment_is_all_or_none()
    {
        var round = Guid.CreateVersion7();
        var mazovian = await service.RegisterAdvisorAsync(voivodeships: ["14"], maxEngagements: 1);
        var teams = new List<AcceptedTeam>();
        foreach (var terc in new[] { "1401011", "1401022", "0201011", "0201022" })
        {
            teams.Add(await service.AcceptTeamAsync(terc, round));
        }
        var others = new[] { await service.RegisterAdvisorAsync(maxEngagements: 5), await service.RegisterAdvisorAsync(maxEngagements: 5) };

        var suggestion = (await service.Operator().GetFromJsonAsync<List<Suggested>>($"/api/advisory/rounds/{round}/assignment-suggestion", Ct))!;

        Assert.Equal(4, suggestion.Count);
        Assert.Single(suggestion, s => s.AdvisorId == mazovian.Id && s.JstTerc.StartsWith("14", StringComparison.Ordinal) && s.InPreferredRegion);
        Assert.All(suggestion, s => Assert.NotNull(s.AdvisorId));
        Assert.Equal([1, 1, 2], suggestion.GroupBy(s => s.AdvisorId).Select(g => g.Count()).Order());
        Assert.Contains(others[0].Id, suggestion.Select(s => s.AdvisorId));

        var tooMany = await service.Operator().PostAsJsonAsync("/api/advisory/engagements/bulk", new
        {
            startsOn = "2026-12-01",
            assignments = suggestion.Select(s => new { applicationId = s.ApplicationId, advisorId = mazovian.Id }),
        }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, tooMany.StatusCode);
        Assert.Empty(await service.QueryAsync<Guid>("SELECT id FROM engagements WHERE round_id = @round", new { round }));

        var bulk = await service.Operator().PostAsJsonAsync("/api/advisory/engagements/bulk", new
        {
            startsOn = "2026-12-01", assignments = suggestion.Select(s => new { applicationId = s.ApplicationId, advisorId = s.AdvisorId }),
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, bulk.StatusCode);
        Assert.Equal(4, (await service.QueryAsync<Guid>("SELECT id FROM engagements WHERE round_id = @round", new { round })).Count);
    }

    private sealed record Suggested(Guid ApplicationId, string JstTerc, Guid? AdvisorId, bool InPreferredRegion);
}
