using System.Text.Json;
using Cro.Recruitment.Features.Applications;

namespace Cro.Recruitment.Tests;

public sealed class ApplicationTests(RecruitmentService service) : IClassFixture<RecruitmentService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<T> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = new NpgsqlConnection(service.Factory.Database.OwnerConnectionString);
        return (await connection.ExecuteScalarAsync<T>(sql, parameters))!;
    }

    [Fact]
    public async Task A_draft_is_saved_resumed_with_the_emailed_key_then_submitted_and_scored()
    {
        var round = await Applicants.OpenRoundAsync(service);
        var team = Applicants.Team(3);
        var started = await Applicants.StartAsync(service, round.Id, new ApplicationForm(Applicants.RuralBoleslawiec, team));
        var applicant = Applicants.WithKey(service, started.Key);

        var resumed = await applicant.GetFromJsonAsync<ApplicationView>($"/api/recruitment/applications/{started.Application.Id}", Ct);
        var saved = await applicant.PutAsJsonAsync($"/api/recruitment/applications/{started.Application.Id}",
            Applicants.WholeForm(Applicants.RuralBoleslawiec, team), Ct);
        var submitted = await Applicants.SubmitAsync(service, started);
        var view = await submitted.Content.ReadFromJsonAsync<ApplicationView>(Ct);
        var changedAfter = await applicant.PutAsJsonAsync($"/api/recruitment/applications/{started.Application.Id}",
            Applicants.WholeForm(Applicants.RuralBoleslawiec, team), Ct);

        Assert.Equal("draft", resumed!.Status);
        Assert.Equal(3, resumed.Team.Count);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Equal(("submitted", 14, 1), (view!.Status, view.Score, view.ScoringVersion)); // rural 5 + 4 schools + first time 5
        Assert.Equal(HttpStatusCode.Conflict, changedAfter.StatusCode);
        var resumeUrl = await ScalarAsync<string>(
            "SELECT payload->>'resumeUrl' FROM outbox_messages WHERE message_type LIKE 'Cro.Contracts.ApplicationDraftStarted,%' AND payload->>'applicationId' = @id",
            new { id = started.Application.Id.ToString() });
        Assert.EndsWith($"wniosek/{started.Application.Id}?klucz={started.Key}", resumeUrl);
        var submittedEvent = JsonDocument.Parse(await ScalarAsync<string>(
            "SELECT payload::text FROM outbox_messages WHERE message_type LIKE 'Cro.Contracts.ApplicationSubmitted,%' AND payload->>'applicationId' = @id",
            new { id = started.Application.Id.ToString() })).RootElement;
        Assert.Equal(3, submittedEvent.GetProperty("team").GetArrayLength());
        Assert.Equal("woman", submittedEvent.GetProperty("team")[0].GetProperty("sex").GetString());
    }

    [Fact]
    public async Task Without_the_key_or_with_a_wrong_one_the_draft_stays_closed()
    {
        var round = await Applicants.OpenRoundAsync(service);
        var started = await Applicants.StartAsync(service, round.Id, new ApplicationForm(Applicants.RuralGromadka, Applicants.Team(3)));
        var path = $"/api/recruitment/applications/{started.Application.Id}";

        Assert.Equal(HttpStatusCode.Unauthorized, (await service.Client.GetAsync(path, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Applicants.WithKey(service, ApplicationKey.New()).GetAsync(path, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Applicants.WithKey(service, started.Key).GetAsync($"/api/recruitment/applications/{Guid.NewGuid()}", Ct)).StatusCode);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    public async Task A_team_outside_the_rounds_size_is_refused_and_stays_a_draft(int size)
    {
        var round = await Applicants.OpenRoundAsync(service);
        var started = await Applicants.StartAsync(service, round.Id, Applicants.WholeForm(Applicants.RuralOsiecznica, Applicants.Team(size)));

        var response = await Applicants.SubmitAsync(service, started);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("od 3 do 4 osób", (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("team")[0].GetString());
        Assert.Equal("draft", await ScalarAsync<string>("SELECT status FROM applications WHERE id = @id", new { id = started.Application.Id }));
    }

    [Fact]
    public async Task A_second_application_of_the_same_JST_in_a_round_is_refused_by_the_database_too()
    {
        var round = await Applicants.OpenRoundAsync(service);
        var first = await Applicants.StartAsync(service, round.Id, Applicants.WholeForm(Applicants.RuralBoleslawiec, Applicants.Team(3)));
        var second = await Applicants.StartAsync(service, round.Id, Applicants.WholeForm(Applicants.RuralBoleslawiec, Applicants.Team(3)));

        Assert.Equal(HttpStatusCode.OK, (await Applicants.SubmitAsync(service, first)).StatusCode);
        var refused = await Applicants.SubmitAsync(service, second);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("ma już złożony wniosek", await refused.Content.ReadAsStringAsync(Ct));
        await using var connection = new NpgsqlConnection(service.Factory.Database.OwnerConnectionString);
        var bypass = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync(
            "UPDATE applications SET status = 'submitted', submitted_at = now() WHERE id = @id", new { id = second.Application.Id }));
        Assert.Equal(PostgresErrorCodes.UniqueViolation, bypass.SqlState);
    }

    [Fact]
    public async Task A_person_in_two_live_teams_of_one_round_is_refused()
    {
        var round = await Applicants.OpenRoundAsync(service);
        var shared = Applicants.Team(3);
        var other = Applicants.Team(3);
        other[1] = shared[1] with { IsCoordinator = false };
        var first = await Applicants.StartAsync(service, round.Id, Applicants.WholeForm(Applicants.RuralGromadka, shared));
        var second = await Applicants.StartAsync(service, round.Id, Applicants.WholeForm(Applicants.RuralOsiecznica, other));

        Assert.Equal(HttpStatusCode.OK, (await Applicants.SubmitAsync(service, first)).StatusCode);
        var refused = await Applicants.SubmitAsync(service, second);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("ten sam adres e-mail", await refused.Content.ReadAsStringAsync(Ct));
        Assert.Equal("draft", await ScalarAsync<string>("SELECT status FROM applications WHERE id = @id", new { id = second.Application.Id }));
    }

    [Fact]
    public async Task Submitting_after_the_round_closed_is_refused_with_the_closing_time()
    {
        var round = await Applicants.OpenRoundAsync(service, closesIn: TimeSpan.FromSeconds(3));
        var started = await Applicants.StartAsync(service, round.Id, Applicants.WholeForm(Applicants.RuralBoleslawiec, Applicants.Team(4)));
        await Task.Delay(TimeSpan.FromSeconds(3.5), Ct);

        var late = await Applicants.SubmitAsync(service, started);
        var newOne = await service.Client.PostAsJsonAsync($"/api/recruitment/rounds/{round.Id}/applications",
            Applicants.WholeForm(Applicants.RuralGromadka, Applicants.Team(3)), Ct);

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("Nabór zamknięto", await late.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Conflict, newOne.StatusCode);
    }

    [Theory]
    [InlineData("12345", "jstTerc")]
    [InlineData("9999999", "jstTerc")]
    [InlineData("0201", "jstTerc")]
    public async Task A_bad_or_ineligible_JST_is_400_and_nothing_is_stored(string terc, string field)
    {
        var round = await Applicants.OpenRoundAsync(service);
        var before = await ScalarAsync<long>("SELECT count(*) FROM applications");

        var response = await service.Client.PostAsJsonAsync($"/api/recruitment/rounds/{round.Id}/applications",
            Applicants.WholeForm(terc, Applicants.Team(3)), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal(before, await ScalarAsync<long>("SELECT count(*) FROM applications"));
    }

    [Fact]
    public async Task Invalid_member_data_is_400_naming_the_field()
    {
        var round = await Applicants.OpenRoundAsync(service);
        var team = Applicants.Team(3);
        team[2] = team[2] with { Email = "not-an-address", Sex = "other" };

        var response = await service.Client.PostAsJsonAsync($"/api/recruitment/rounds/{round.Id}/applications",
            Applicants.WholeForm(Applicants.RuralBoleslawiec, team), Ct);

        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(errors.TryGetProperty("team[2].email", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("team[2].sex", out _), errors.ToString());
    }
}
