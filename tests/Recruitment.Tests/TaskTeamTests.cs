using Cro.Recruitment.Features.Applications;
using Cro.Recruitment.Features.Decisions;
using Cro.Recruitment.Features.TaskTeams;

namespace Cro.Recruitment.Tests;

public sealed class TaskTeamTests(RecruitmentService service) : IClassFixture<RecruitmentService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Coordinator(string terc) => service.ClientWith(TestTokens.Person(Guid.NewGuid(), ["jst-coordinator"], terc));

    private async Task<ApplicationView> AcceptedAsync(string terc)
    {
        var round = await Applicants.OpenRoundAsync(service);
        var started = await Applicants.SubmittedAsync(service, round.Id, terc);
        var decided = await service.Operator().PostAsJsonAsync($"/api/recruitment/applications/{started.Application.Id}/decision",
            new DecideApplication.DecideApplicationRequest("accepted", null), Ct);
        return (await decided.Content.ReadFromJsonAsync<ApplicationView>(Ct))!;
    }

    [Fact]
    public async Task The_coordinator_replaces_a_member_the_history_stays_and_both_changes_are_events()
    {
        var application = await AcceptedAsync(Applicants.RuralBoleslawiec);
        var leaving = application.Team[1];
        var newcomer = Applicants.Team(1)[0] with { FullName = "Zenon Nowak", IsCoordinator = false, Sex = "man" };

        var replaced = await Coordinator(Applicants.RuralBoleslawiec).PostAsJsonAsync(
            $"/api/recruitment/applications/{application.Id}/team/replacements", new ReplaceTeamMember.ReplaceTeamMemberRequest(leaving.Id, newcomer), Ct);
        var view = await replaced.Content.ReadFromJsonAsync<ApplicationView>(Ct);

        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal(3, view!.Team.Count);
        Assert.DoesNotContain(view.Team, m => m.Id == leaving.Id);
        Assert.Contains(view.Team, m => m.FullName == "Zenon Nowak");
        await using var connection = new NpgsqlConnection(service.Factory.Database.OwnerConnectionString);
        Assert.NotNull(await connection.ExecuteScalarAsync<DateTime?>("SELECT left_at FROM team_members WHERE id = @id", new { id = leaving.Id }));
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM outbox_messages WHERE message_type LIKE 'Cro.Contracts.TeamMemberLeft,%' AND payload->>'memberId' = @id",
            new { id = leaving.Id.ToString() }));
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM outbox_messages WHERE message_type LIKE 'Cro.Contracts.TeamMemberJoined,%' AND payload->'member'->>'email' = @email",
            new { email = newcomer.Email }));
    }

    [Fact]
    public async Task A_coordinator_is_replaced_only_by_a_coordinator_and_someone_in_another_team_can_not_join()
    {
        var application = await AcceptedAsync(Applicants.RuralGromadka);
        var other = await AcceptedAsync(Applicants.RuralOsiecznica);
        var path = $"/api/recruitment/applications/{application.Id}/team/replacements";
        var coordinator = Coordinator(Applicants.RuralGromadka);

        var memberForCoordinator = await coordinator.PostAsJsonAsync(path,
            new ReplaceTeamMember.ReplaceTeamMemberRequest(application.Team[0].Id, Applicants.Team(2)[1]), Ct);
        var someoneElses = await coordinator.PostAsJsonAsync(path, new ReplaceTeamMember.ReplaceTeamMemberRequest(application.Team[1].Id,
            Applicants.Team(2)[1] with { Email = application.Team[2].Email }), Ct);
        var byMember = await service.ClientWith(TestTokens.Person(Guid.NewGuid(), ["jst-member"], Applicants.RuralGromadka))
            .PostAsJsonAsync(path, new ReplaceTeamMember.ReplaceTeamMemberRequest(application.Team[1].Id, Applicants.Team(2)[1]), Ct);
        var otherJst = await Coordinator(Applicants.RuralOsiecznica)
            .PostAsJsonAsync(path, new ReplaceTeamMember.ReplaceTeamMemberRequest(application.Team[1].Id, Applicants.Team(2)[1]), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, memberForCoordinator.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, someoneElses.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byMember.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherJst.StatusCode);
        Assert.NotEqual(other.Id, application.Id);
    }

    [Fact]
    public async Task A_coordinator_finds_the_applications_of_their_own_JST_only()
    {
        var application = await AcceptedAsync(Applicants.RuralBoleslawiec);

        var own = await Coordinator(Applicants.RuralBoleslawiec).GetFromJsonAsync<List<MyJstApplications.Summary>>("/api/recruitment/me/applications", Ct);
        var another = await Coordinator(Applicants.RuralGromadka).GetFromJsonAsync<List<MyJstApplications.Summary>>("/api/recruitment/me/applications", Ct);
        var asOperator = await service.Operator().GetFromJsonAsync<List<MyJstApplications.Summary>>("/api/recruitment/me/applications", Ct);

        var found = Assert.Single(own!, a => a.Id == application.Id);
        Assert.Equal("accepted", found.Status);
        Assert.All(own!, a => Assert.Equal(Applicants.RuralBoleslawiec, a.JstTerc));
        Assert.DoesNotContain(another!, a => a.Id == application.Id);
        Assert.Empty(asOperator!);
    }
}
