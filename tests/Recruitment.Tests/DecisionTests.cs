using System.Text.Json;
using Cro.Recruitment.Features.Applications;
using Cro.Recruitment.Features.Decisions;

namespace Cro.Recruitment.Tests;

public sealed class DecisionTests(RecruitmentService service) : IClassFixture<RecruitmentService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<HttpResponseMessage> DecideAsync(Guid id, string decision, string? reason = null) =>
        service.Operator().PostAsJsonAsync($"/api/recruitment/applications/{id}/decision", new DecideApplication.DecideApplicationRequest(decision, reason), Ct);

    private async Task<string> StatusAsync(Guid id)
    {
        await using var connection = new NpgsqlConnection(service.Factory.Database.OwnerConnectionString);
        return await connection.ExecuteScalarAsync<string>("SELECT status FROM applications WHERE id = @id", new { id }) ?? "";
    }

    private async Task<JsonElement> EventAsync(string type, Guid applicationId)
    {
        await using var connection = new NpgsqlConnection(service.Factory.Database.OwnerConnectionString);
        return JsonDocument.Parse(await connection.ExecuteScalarAsync<string>(
            $"SELECT payload::text FROM outbox_messages WHERE message_type LIKE 'Cro.Contracts.{type},%' AND payload->>'applicationId' = @id",
            new { id = applicationId.ToString() }) ?? "null").RootElement;
    }

    [Fact]
    public async Task Accepting_beyond_capacity_is_refused_and_a_withdrawal_promotes_the_best_reserve()
    {
        var round = await Applicants.OpenRoundAsync(service, capacity: 1);
        var first = await Applicants.SubmittedAsync(service, round.Id, Applicants.RuralBoleslawiec);
        var second = await Applicants.SubmittedAsync(service, round.Id, Applicants.RuralGromadka);
        var third = await Applicants.SubmittedAsync(service, round.Id, Applicants.RuralOsiecznica);

        Assert.Equal(HttpStatusCode.OK, (await DecideAsync(first.Application.Id, "accepted")).StatusCode);
        var overCapacity = await DecideAsync(second.Application.Id, "accepted");
        Assert.Equal(HttpStatusCode.Conflict, overCapacity.StatusCode);
        Assert.Contains("Brak wolnych miejsc", await overCapacity.Content.ReadAsStringAsync(Ct));
        await DecideAsync(second.Application.Id, "reserve");
        await DecideAsync(third.Application.Id, "reserve");

        // Equal scores: the earlier submission (second) moves up.
        var coordinator = service.ClientWith(TestTokens.Person(Guid.NewGuid(), ["jst-coordinator"], Applicants.RuralBoleslawiec));
        var withdrawn = await coordinator.PostAsJsonAsync($"/api/recruitment/applications/{first.Application.Id}/withdrawal",
            new WithdrawApplication.WithdrawApplicationRequest("Zmiana priorytetów gminy."), Ct);

        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal(("withdrawn", "accepted", "reserve"),
            (await StatusAsync(first.Application.Id), await StatusAsync(second.Application.Id), await StatusAsync(third.Application.Id)));
        Assert.Equal(second.Application.Id, (await EventAsync("JstWithdrew", first.Application.Id)).GetProperty("replacedBy").GetGuid());
        var promoted = await EventAsync("ApplicationAccepted", second.Application.Id);
        Assert.True(promoted.GetProperty("promotedFromReserve").GetBoolean());
        Assert.Equal(3, promoted.GetProperty("team").GetArrayLength());
    }

    [Fact]
    public async Task Two_operators_accepting_the_last_place_at_once_accept_exactly_one()
    {
        var round = await Applicants.OpenRoundAsync(service, capacity: 1);
        var a = await Applicants.SubmittedAsync(service, round.Id, Applicants.RuralBoleslawiec);
        var b = await Applicants.SubmittedAsync(service, round.Id, Applicants.RuralGromadka);

        var answers = await Task.WhenAll(DecideAsync(a.Application.Id, "accepted"), DecideAsync(b.Application.Id, "accepted"));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(r => r.StatusCode).Order());
        Assert.Single(new[] { await StatusAsync(a.Application.Id), await StatusAsync(b.Application.Id) }, s => s == "accepted");
    }

    [Fact]
    public async Task Rejection_needs_a_reason_records_the_rules_version_and_frees_the_teams_addresses()
    {
        var round = await Applicants.OpenRoundAsync(service);
        var team = Applicants.Team(3);
        var started = await Applicants.StartAsync(service, round.Id, Applicants.WholeForm(Applicants.RuralBoleslawiec, team));
        (await Applicants.SubmitAsync(service, started)).EnsureSuccessStatusCode();

        var withoutReason = await DecideAsync(started.Application.Id, "rejected");
        var rejected = await DecideAsync(started.Application.Id, "rejected", "Wniosek złożyła osoba nieupoważniona.");
        var again = await Applicants.StartAsync(service, round.Id, Applicants.WholeForm(Applicants.RuralGromadka, team));

        Assert.Equal(HttpStatusCode.BadRequest, withoutReason.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.Equal("Wniosek złożyła osoba nieupoważniona.", (await EventAsync("ApplicationRejected", started.Application.Id)).GetProperty("reason").GetString());
        await using var connection = new NpgsqlConnection(service.Factory.Database.OwnerConnectionString);
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>(
            "SELECT scoring_version FROM decisions WHERE application_id = @id AND decision = 'rejected'", new { id = started.Application.Id }));
        Assert.Equal(HttpStatusCode.OK, (await Applicants.SubmitAsync(service, again)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await DecideAsync(started.Application.Id, "accepted")).StatusCode);
    }

    [Fact]
    public async Task Only_operators_decide_and_only_the_JSTs_coordinator_withdraws()
    {
        var round = await Applicants.OpenRoundAsync(service);
        var started = await Applicants.SubmittedAsync(service, round.Id, Applicants.RuralBoleslawiec);
        var path = $"/api/recruitment/applications/{started.Application.Id}";
        HttpClient As(string role, string? jst) => service.ClientWith(TestTokens.Person(Guid.NewGuid(), [role], jst));

        Assert.Equal(HttpStatusCode.Forbidden, (await As("jst-coordinator", Applicants.RuralBoleslawiec)
            .PostAsJsonAsync(path + "/decision", new DecideApplication.DecideApplicationRequest("accepted", null), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await As("jst-member", Applicants.RuralBoleslawiec)
            .PostAsJsonAsync(path + "/withdrawal", new WithdrawApplication.WithdrawApplicationRequest(null), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await As("jst-coordinator", Applicants.RuralGromadka)
            .PostAsJsonAsync(path + "/withdrawal", new WithdrawApplication.WithdrawApplicationRequest(null), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await DecideAsync(started.Application.Id, "maybe")).StatusCode);
        Assert.Equal("submitted", await StatusAsync(started.Application.Id));
    }

    [Fact]
    public async Task The_review_list_ranks_filters_and_pages_without_repeating()
    {
        var round = await Applicants.OpenRoundAsync(service);
        var small = await Applicants.SubmittedAsync(service, round.Id, Applicants.RuralBoleslawiec);
        var large = await Applicants.SubmittedAsync(service, round.Id, Applicants.RuralGromadka, teamSize: 4);
        var third = await Applicants.SubmittedAsync(service, round.Id, Applicants.RuralOsiecznica);
        await DecideAsync(third.Application.Id, "rejected", "Brak podpisu wójta.");

        var first = await service.Operator().GetFromJsonAsync<ListApplications.Page>($"/api/recruitment/rounds/{round.Id}/applications?limit=2", Ct);
        var rest = await service.Operator().GetFromJsonAsync<ListApplications.Page>(
            $"/api/recruitment/rounds/{round.Id}/applications?limit=2&cursor={first!.NextCursor}", Ct);
        var rejected = await service.Operator().GetFromJsonAsync<ListApplications.Page>($"/api/recruitment/rounds/{round.Id}/applications?status=rejected", Ct);
        var bad = await service.Operator().GetAsync($"/api/recruitment/rounds/{round.Id}/applications?status=lost&voivodeship=2", Ct);
        var byMember = await service.ClientWith(TestTokens.Person(Guid.NewGuid(), ["jst-coordinator"], Applicants.RuralBoleslawiec))
            .GetAsync($"/api/recruitment/rounds/{round.Id}/applications", Ct);

        // Equal scores: submission order.
        Assert.Equal([small.Application.Id, large.Application.Id, third.Application.Id], first.Items.Concat(rest!.Items).Select(i => i.Id));
        Assert.Equal((4, 2, 2), (first.Items[1].TeamSize, first.Items[1].Women, first.Items[1].Men));
        Assert.Equal("Anna Wójcik", first.Items[0].CoordinatorName);
        Assert.Equal(third.Application.Id, Assert.Single(rejected!.Items).Id);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byMember.StatusCode);
    }
}
