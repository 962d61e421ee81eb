using System.Text.Json;
using Cro.Recruitment.Features.Rounds;

namespace Cro.Recruitment.Tests;

public sealed class RoundApiTests(RecruitmentService service) : IClassFixture<RecruitmentService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly TimeSpan Warsaw = TimeSpan.FromHours(1);

    private static CreateRound.CreateRoundRequest Pilot(string name = "Nabór pilotażowy") => new(name,
        new DateTimeOffset(2027, 1, 11, 9, 0, 0, Warsaw), new DateTimeOffset(2027, 2, 12, 15, 0, 0, Warsaw), Capacity: 50,
        EligibleKinds: ["rural-municipality", "urban-rural-municipality", "urban-municipality"], TargetWomen: 105, TargetMen: 45);

    [Fact]
    public async Task Operator_creates_a_round_that_everyone_can_read_with_default_rules_version_1()
    {
        var created = await service.Operator().PostAsJsonAsync("/api/recruitment/rounds", Pilot(), Ct);
        var round = await created.Content.ReadFromJsonAsync<RoundResponse>(Ct);
        var read = await service.Client.GetFromJsonAsync<RoundResponse>($"/api/recruitment/rounds/{round!.Id}", Ct);
        var list = await service.Client.GetFromJsonAsync<List<RoundResponse>>("/api/recruitment/rounds", Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(new DateTimeOffset(2027, 1, 11, 8, 0, 0, TimeSpan.Zero), read!.OpensAt);
        Assert.Equal((50, 3, 4, 105, 45, 1), (read.Capacity, read.TeamMin, read.TeamMax, read.TargetWomen, read.TargetMen, read.ScoringVersion));
        Assert.Equal(ScoringRules.Default.AtRiskPoints, read.Scoring.AtRiskPoints);
        Assert.Contains(list!, r => r.Id == round.Id);
    }

    [Fact]
    public async Task New_scoring_rules_are_a_new_version_and_the_old_one_stays()
    {
        var round = await (await service.Operator().PostAsJsonAsync("/api/recruitment/rounds", Pilot("Nabór z nowymi zasadami"), Ct))
            .Content.ReadFromJsonAsync<RoundResponse>(Ct);

        var changed = await service.Operator().PutAsJsonAsync($"/api/recruitment/rounds/{round!.Id}/scoring",
            ScoringRules.Default with { AtRiskPoints = 20 }, Ct);
        var updated = await changed.Content.ReadFromJsonAsync<RoundResponse>(Ct);

        Assert.Equal((2, 20), (updated!.ScoringVersion, updated.Scoring.AtRiskPoints));
        await using var connection = new Npgsql.NpgsqlConnection(service.Factory.Database.OwnerConnectionString);
        await connection.OpenAsync(Ct);
        await using var versions = new Npgsql.NpgsqlCommand($"SELECT count(*) FROM scoring_rules WHERE round_id = '{round.Id}'", connection);
        Assert.Equal(2L, await versions.ExecuteScalarAsync(Ct));
    }

    [Theory]
    [InlineData("""{"name":"","opensAt":"2027-01-11T09:00:00+01:00","closesAt":"2027-02-12T15:00:00+01:00","capacity":50,"eligibleKinds":["county"]}""", "name")]
    [InlineData("""{"name":"X","opensAt":"2027-02-12T09:00:00+01:00","closesAt":"2027-01-11T15:00:00+01:00","capacity":50,"eligibleKinds":["county"]}""", "closesAt")]
    [InlineData("""{"name":"X","opensAt":"2027-01-11T09:00:00+01:00","closesAt":"2027-02-12T15:00:00+01:00","capacity":0,"eligibleKinds":["county"]}""", "capacity")]
    [InlineData("""{"name":"X","opensAt":"2027-01-11T09:00:00+01:00","closesAt":"2027-02-12T15:00:00+01:00","capacity":50,"eligibleKinds":["village"]}""", "eligibleKinds")]
    [InlineData("""{"name":"X","opensAt":"2027-01-11T09:00:00+01:00","closesAt":"2027-02-12T15:00:00+01:00","capacity":50,"eligibleKinds":["county"],"teamMin":5,"teamMax":4}""", "teamMax")]
    [InlineData("""{"name":"X","opensAt":"2027-01-11T09:00:00+01:00","closesAt":"2027-02-12T15:00:00+01:00","capacity":50,"eligibleKinds":["county"],"scoring":{"atRiskPoints":-1,"kindPoints":{},"pointsPerSchool":1,"maxSchoolPoints":1,"firstTimePoints":1}}""", "scoring.atRiskPoints")]
    public async Task Invalid_round_is_400_naming_the_field_and_stores_nothing(string body, string field)
    {
        var response = await service.Operator().PostAsync("/api/recruitment/rounds", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.DoesNotContain(await service.Client.GetFromJsonAsync<List<RoundResponse>>("/api/recruitment/rounds", Ct) ?? [], r => r.Name == "X");
    }

    [Fact]
    public async Task Only_operators_create_rounds_or_change_their_rules()
    {
        var member = service.ClientWith(TestTokens.Person(Guid.CreateVersion7(), ["jst-coordinator"], "1465011"));
        var partner = service.ClientWith(TestTokens.Client("partner-x", "recruitment.write"));

        Assert.Equal(HttpStatusCode.Unauthorized, (await service.Client.PostAsJsonAsync("/api/recruitment/rounds", Pilot(), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync("/api/recruitment/rounds", Pilot(), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PostAsJsonAsync("/api/recruitment/rounds", Pilot(), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PutAsJsonAsync($"/api/recruitment/rounds/{Guid.NewGuid()}/scoring", ScoringRules.Default, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await service.Operator().PutAsJsonAsync($"/api/recruitment/rounds/{Guid.NewGuid()}/scoring", ScoringRules.Default, Ct)).StatusCode);
    }
}
