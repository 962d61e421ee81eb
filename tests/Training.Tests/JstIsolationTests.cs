using Cro.BuildingBlocks.Persistence;
using Cro.ServiceDefaults.Security;
using Cro.Training.Features.Cohorts;
using Cro.Training.Features.Teams;
using Dapper;
using Npgsql;

namespace Cro.Training.Tests;

/// <summary>
/// JST isolation: the people of a JST's team (and their attendance) are visible to that team, the trainers of
/// its cohort and operators. Everyone else gets 404 (neither shown nor confirmed), and the database enforces
/// the same through row-level security whatever a query forgets. Each new JST-scoped endpoint gets a row here.
/// </summary>
public sealed class JstIsolationTests(TrainingService service) : IClassFixture<TrainingService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> ScopedEndpoints => new()
    {
        "/api/training/teams/{application}",
        "/api/training/cohorts/{cohort}",
    };

    [Theory]
    [MemberData(nameof(ScopedEndpoints))]
    public async Task Only_the_JSTs_own_team_its_cohorts_trainers_and_operators_see_its_people(string template)
    {
        var team = await Teams.AcceptAsync(service, Teams.Boleslawiec);
        var trainer = Cohorts.Trainer();
        var cohort = await Cohorts.CreateAsync(service, [team.ApplicationId], trainer);
        var path = template.Replace("{application}", team.ApplicationId.ToString()).Replace("{cohort}", cohort.Id.ToString());

        async Task<HttpStatusCode> StatusAsync(HttpClient client) => (await client.GetAsync(path, Ct)).StatusCode;

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(service.Member(team.Team[1].Email, Teams.Boleslawiec)));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(service.Operator()));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(service.Trainer(trainer.Email)));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(service.Member($"{Guid.NewGuid():N}@gmina.example.pl", Teams.Gromadka)));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(service.Trainer(Cohorts.Trainer().Email)));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(service.ClientWith(TrainingService.Person(Guid.NewGuid(), "d@ore.example.pl", ["advisor"]))));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(service.ClientWith(TestTokens.Client("partner-x", "recruitment.read", "indicators.read"))));
    }

    [Fact]
    public async Task An_advisor_sees_the_team_of_the_JST_their_token_names_as_advised_and_no_other()
    {
        var advised = await Teams.AcceptAsync(service, Teams.Boleslawiec);
        var other = await Teams.AcceptAsync(service, Teams.Gromadka);
        // As identity issues an advisor's token: the advisor role and one advised_jst claim per JST they advise now.
        var advisor = service.ClientWith(TestTokens.Create(
        [
            new(CroClaims.Subject, Guid.CreateVersion7().ToString()), new(CroClaims.PrincipalType, CroClaims.Person),
            new(CroClaims.Email, "doradca@ore.example.pl"), new(CroClaims.Role, Roles.Advisor), new(CroClaims.AdvisedJst, Teams.Boleslawiec),
        ]));

        var team = await advisor.GetFromJsonAsync<TeamView>($"/api/training/teams/{advised.ApplicationId}", Ct);
        var otherTeam = await advisor.GetAsync($"/api/training/teams/{other.ApplicationId}", Ct);

        Assert.Equal((Teams.Boleslawiec, 3), (team!.JstTerc, team.Participants.Count));
        Assert.Equal(HttpStatusCode.NotFound, otherTeam.StatusCode);
    }

    [Fact]
    public async Task In_a_cohort_of_several_JST_a_participant_sees_the_other_teams_but_not_their_people()
    {
        var mine = await Teams.AcceptAsync(service, Teams.Boleslawiec);
        var theirs = await Teams.AcceptAsync(service, Teams.Gromadka);
        var cohort = await Cohorts.CreateAsync(service, [mine.ApplicationId, theirs.ApplicationId]);

        var seen = await service.Member(mine.Team[0].Email, Teams.Boleslawiec).GetFromJsonAsync<CohortView>($"/api/training/cohorts/{cohort.Id}", Ct);
        var byTrainerOfAll = await service.Operator().GetFromJsonAsync<CohortView>($"/api/training/cohorts/{cohort.Id}", Ct);
        var theirTeam = await service.Member(mine.Team[0].Email, Teams.Boleslawiec).GetAsync($"/api/training/teams/{theirs.ApplicationId}", Ct);

        Assert.Equal(3, seen!.Teams.Single(t => t.ApplicationId == mine.ApplicationId).Participants.Count);
        Assert.Empty(seen.Teams.Single(t => t.ApplicationId == theirs.ApplicationId).Participants);
        Assert.Equal(6, byTrainerOfAll!.Teams.Sum(t => t.Participants.Count));
        Assert.Equal(HttpStatusCode.NotFound, theirTeam.StatusCode);
    }

    [Fact]
    public async Task The_database_itself_shows_and_takes_only_the_rows_of_the_JST_in_the_transactions_scope()
    {
        var a = await Teams.AcceptAsync(service, Teams.Boleslawiec);
        var b = await Teams.AcceptAsync(service, Teams.Osiecznica);
        await using var connection = new NpgsqlConnection(service.Factory.Database.AppConnectionString);
        await connection.OpenAsync(Ct);
        object ids = new { ids = new[] { a.ApplicationId, b.ApplicationId } };

        await using (var unscoped = await connection.BeginTransactionAsync(Ct))
        {
            Assert.Equal(0, await connection.ExecuteScalarAsync<int>(
                "SELECT count(*)::int FROM participants WHERE application_id = ANY (@ids)", ids, unscoped));
        }
        await using (var scoped = await connection.BeginTransactionAsync(Ct))
        {
            await scoped.SetJstScopeAsync(JstScope.Of([Teams.Boleslawiec]), Ct);
            Assert.Equal(3, await connection.ExecuteScalarAsync<int>(
                "SELECT count(*)::int FROM participants WHERE application_id = ANY (@ids)", ids, scoped));
            var refused = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync("""
                INSERT INTO participants (id, application_id, jst_terc, full_name, email, position, sex, is_coordinator, enrolled_at)
                VALUES (@id, @application, @jst, 'Ktoś', 'k@example.pl', 'x', 'woman', false, now())
                """, new { id = Guid.NewGuid(), application = b.ApplicationId, jst = Teams.Osiecznica }, scoped));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        }
    }

    [Fact]
    public async Task Test_attempts_answers_and_certificates_are_held_under_the_same_row_security()
    {
        var learner = await Lms.TrainedAsync(service, Teams.Boleslawiec);
        await using var connection = new NpgsqlConnection(service.Factory.Database.AppConnectionString);
        await connection.OpenAsync(Ct);
        const string Count = """
            SELECT (SELECT count(*) FROM attempts WHERE participant_id = @id) + (SELECT count(*) FROM attempt_answers a JOIN attempts t ON t.id = a.attempt_id
                   WHERE t.participant_id = @id) + (SELECT count(*) FROM module_completions WHERE participant_id = @id)
                   + (SELECT count(*) FROM certificates WHERE participant_id = @id)
            """;
        object id = new { id = learner.Member.MemberId };

        await using (var other = await connection.BeginTransactionAsync(Ct))
        {
            await other.SetJstScopeAsync(JstScope.Of([Teams.Gromadka]), Ct);
            Assert.Equal(0, await connection.ExecuteScalarAsync<long>(Count, id, other));
        }
        await using (var own = await connection.BeginTransactionAsync(Ct))
        {
            await own.SetJstScopeAsync(JstScope.Of([Teams.Boleslawiec]), Ct);
            // Five post-tests of two answers each, five completed modules, one certificate.
            Assert.Equal(5 + 10 + 5 + 1, await connection.ExecuteScalarAsync<long>(Count, id, own));
        }
    }
}
