using System.Text.Json;
using static Cro.Evaluation.Tests.SurveySteps;

namespace Cro.Evaluation.Tests;

/// <summary>
/// ORE's results: a group shows figures only from 5 answers (4: "too few", no figures; 5: means, distributions, counts and
/// the open answers), by module, cohort, trainer, advisor and conference; the module report adds the learning gain of the
/// pre/post tests under the same rule; exports carry the aggregates and never a small group's figures.
/// </summary>
public sealed class SurveyResultsTests(EvaluationService service) : IClassFixture<EvaluationService>
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await ProblemAsync(response, HttpStatusCode.OK)).RootElement;

    [Fact]
    public async Task Four_answers_show_no_figures_five_show_them_with_the_open_answers()
    {
        var cohortId = Guid.CreateVersion7();
        var module = $"T{Guid.NewGuid():N}"[..6];
        await service.ScheduleAsync(cohortId, module, $"trener-{Guid.NewGuid():N}@ore.example.pl", "Tomasz Trener");
        var tokens = await service.ModuleSurveysAsync(cohortId, module, 5);
        for (var i = 0; i < 4; i++)
        {
            await service.AnsweredAsync(tokens[i], ModuleAnswers(rating: i + 2, pace: i == 0 ? "too-fast" : "right", best: $"odpowiedź {(char)('d' - i)}"));
        }
        var ore = service.Operator();
        var trainerId = (await service.QueryAsync<Guid>("SELECT trainer_id FROM survey_cohort_trainers WHERE cohort_id = @cohortId", new { cohortId })).Single();

        foreach (var (by, key) in new[] { ("module", module), ("cohort", cohortId.ToString()), ("trainer", trainerId.ToString()) })
        {
            var few = await JsonAsync(await ore.GetAsync($"/api/evaluation/surveys/results/{by}/{key}", Ct));
            Assert.Equal((4, false, 0), (few.GetProperty("answers").GetInt32(), few.GetProperty("enough").GetBoolean(), few.GetProperty("questions").GetArrayLength()));
            Assert.DoesNotContain("odpowiedź", few.GetRawText(), StringComparison.Ordinal);
        }
        var list = await JsonAsync(await ore.GetAsync("/api/evaluation/surveys/results?by=module", Ct));
        Assert.Equal(5, list.GetProperty("threshold").GetInt32());
        var summary = list.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("key").GetString() == module);
        Assert.Equal($"{module}: Przygotowanie diagnozy stanu cyfryzacji", summary.GetProperty("label").GetString());
        Assert.False(summary.GetProperty("enough").GetBoolean());
        var smallExport = await ore.GetStringAsync($"/api/evaluation/surveys/results/export?by=module&format=csv", Ct);
        Assert.Contains("za mało odpowiedzi (n < 5)", smallExport, StringComparison.Ordinal);

        await service.AnsweredAsync(tokens[4], ModuleAnswers(rating: 5, best: "odpowiedź e"));

        foreach (var (by, key) in new[] { ("module", module), ("cohort", cohortId.ToString()), ("trainer", trainerId.ToString()) })
        {
            var result = await JsonAsync(await ore.GetAsync($"/api/evaluation/surveys/results/{by}/{key}", Ct));
            Assert.True(result.GetProperty("enough").GetBoolean());
            var questions = result.GetProperty("questions").EnumerateArray().ToDictionary(q => q.GetProperty("id").GetString()!);
            Assert.Equal(3.8m, questions["content-useful"].GetProperty("mean").GetDecimal());
            Assert.Equal([0, 1, 1, 1, 2], questions["content-useful"].GetProperty("distribution").EnumerateArray().Select(v => v.GetInt32()));
            Assert.Equal([("too-slow", 0), ("right", 4), ("too-fast", 1)],
                questions["pace"].GetProperty("options").EnumerateArray().Select(o => (o.GetProperty("id").GetString(), o.GetProperty("count").GetInt32())));
            Assert.Equal(["odpowiedź a", "odpowiedź b", "odpowiedź c", "odpowiedź d", "odpowiedź e"],
                questions["best"].GetProperty("openAnswers").EnumerateArray().Select(v => v.GetString()));
            Assert.Equal(0, questions["improve"].GetProperty("answered").GetInt32());
        }
        var export = await ore.GetStringAsync($"/api/evaluation/surveys/results/export?by=trainer&format=csv", Ct);
        Assert.Contains("Tomasz Trener", export, StringComparison.Ordinal);
        Assert.Contains("4.00", export, StringComparison.Ordinal);
        Assert.DoesNotContain("odpowiedź a", export, StringComparison.Ordinal);
        var xlsx = await ore.GetAsync($"/api/evaluation/surveys/results/export?by=cohort&format=xlsx", Ct);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_advisors_and_a_conferences_groups_follow_the_same_rule()
    {
        var applicationId = Guid.CreateVersion7();
        var advisorId = Guid.CreateVersion7();
        await service.PublishTwiceAsync(new AdvisorAssigned
        {
            EngagementId = Guid.CreateVersion7(), ApplicationId = applicationId, RoundId = Guid.CreateVersion7(), JstTerc = "0201011", JstName = "Bolesławiec",
            AdvisorId = advisorId, AdvisorEmail = "doradczyni@ore.example.pl", AdvisorName = "Dorota Doradczyni", StartsOn = new DateOnly(2026, 1, 1),
            EndsOn = new DateOnly(2026, 12, 31), HoursBudget = 60, AssignedAt = DateTimeOffset.UtcNow,
        });
        var team = new List<SurveySteps.Person>();
        for (var i = 0; i < 5; i++)
        {
            team.Add(await service.EnrolAsync(applicationId));
        }
        await Eventually.GetAsync(() => service.QueryAsync<Guid>("SELECT member_id FROM survey_team_people WHERE application_id = @applicationId", new { applicationId }),
            rows => rows.Count == 5, what: "the team");
        await service.PublishTwiceAsync(new EngagementEnded
        {
            EngagementId = Guid.CreateVersion7(), ApplicationId = applicationId, RoundId = Guid.CreateVersion7(), JstTerc = "0201011", AdvisorId = advisorId,
            AdvisorEmail = "doradczyni@ore.example.pl", How = "term", HoursHeld = 55, EndedAt = DateTimeOffset.UtcNow,
        });
        var ore = service.Operator();
        for (var i = 0; i < 5; i++)
        {
            await service.AnsweredAsync(TokenOf(Assert.Single(await service.InvitationsOfAsync(team[i].Email))), new()
            {
                ["advisor-helpful"] = "5", ["advisor-available"] = "4", ["meetings"] = "4", ["hours"] = "right", ["recommend"] = "5", ["comments"] = null,
            });
            var result = await JsonAsync(await ore.GetAsync($"/api/evaluation/surveys/results/advisor/{advisorId}", Ct));
            Assert.Equal("Dorota Doradczyni", result.GetProperty("label").GetString());
            Assert.Equal(i == 4, result.GetProperty("enough").GetBoolean());
            Assert.Equal(i == 4 ? 6 : 0, result.GetProperty("questions").GetArrayLength());
        }

        await ProblemAsync(await ore.GetAsync($"/api/evaluation/surveys/results/conference/{Guid.CreateVersion7()}", Ct), HttpStatusCode.NotFound);
        await ProblemAsync(await ore.GetAsync("/api/evaluation/surveys/results/astrologia/x", Ct), HttpStatusCode.BadRequest);
        await ProblemAsync(await ore.GetAsync("/api/evaluation/surveys/results?by=astrologia", Ct), HttpStatusCode.BadRequest);
        await ProblemAsync(await ore.GetAsync("/api/evaluation/surveys/results/export?format=pdf", Ct), HttpStatusCode.BadRequest);
        var member = service.ClientWith(TestTokens.Person(Guid.CreateVersion7(), ["jst-member"], jst: "0201011"));
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"/api/evaluation/surveys/results/advisor/{advisorId}", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_module_report_puts_the_learning_gain_beside_the_survey_results_only_for_groups_large_enough()
    {
        var cohortId = Guid.CreateVersion7();
        var module = $"L{Guid.NewGuid():N}"[..6];
        await service.ScheduleAsync(cohortId, module, $"trener-{Guid.NewGuid():N}@ore.example.pl", "Tomasz Trener");
        var tokens = await service.ModuleSurveysAsync(cohortId, module, 5);
        foreach (var token in tokens)
        {
            await service.AnsweredAsync(token, ModuleAnswers(rating: 5));
        }
        (decimal Pre, decimal Post, bool Taken, bool Raised)[] results = [(40, 80, true, true), (50, 70, true, true), (60, 60, true, false), (0, 90, false, true)];
        var ore = service.Operator();
        async Task ValidatedAsync((decimal Pre, decimal Post, bool Taken, bool Raised) r)
        {
            await service.PublishTwiceAsync(new CompetenceValidated
            {
                ParticipantId = Guid.CreateVersion7(), ApplicationId = Guid.CreateVersion7(), CohortId = cohortId, JstTerc = "0201011", Sex = "man", ModuleCode = module,
                ProgrammeVersion = 1, PreTestTaken = r.Taken, PreTestScore = r.Pre, PostTestScore = r.Post, PostTestAttempts = 1, Threshold = 60, Validated = r.Post >= 60,
                Raised = r.Raised, ValidatedAt = DateTimeOffset.UtcNow,
            });
        }
        foreach (var r in results)
        {
            await ValidatedAsync(r);
        }
        await Eventually.GetAsync(() => service.QueryAsync<Guid>("SELECT participant_id FROM survey_competence_results WHERE module_code = @module", new { module }),
            rows => rows.Count == 4, what: "four results");

        var few = await JsonAsync(await ore.GetAsync($"/api/evaluation/surveys/reports/modules/{module}?cohortId={cohortId}", Ct));
        Assert.Equal((4, false), (few.GetProperty("learning").GetProperty("participants").GetInt32(), few.GetProperty("learning").GetProperty("enough").GetBoolean()));
        Assert.Equal(JsonValueKind.Null, few.GetProperty("learning").GetProperty("meanGain").ValueKind);
        Assert.True(few.GetProperty("survey").GetProperty("enough").GetBoolean());

        await ValidatedAsync((30, 70, true, true));
        await Eventually.GetAsync(() => service.QueryAsync<Guid>("SELECT participant_id FROM survey_competence_results WHERE module_code = @module", new { module }),
            rows => rows.Count == 5, what: "five results");

        var report = await JsonAsync(await ore.GetAsync($"/api/evaluation/surveys/reports/modules/{module}", Ct));
        var learning = report.GetProperty("learning");
        Assert.True(learning.GetProperty("enough").GetBoolean());
        Assert.Equal(4, learning.GetProperty("preTestTaken").GetInt32());
        Assert.Equal(45.0m, learning.GetProperty("meanPreTest").GetDecimal());
        Assert.Equal(74.0m, learning.GetProperty("meanPostTest").GetDecimal());
        Assert.Equal(25.0m, learning.GetProperty("meanGain").GetDecimal());
        Assert.Equal(80.0m, learning.GetProperty("shareRaised").GetDecimal());
        Assert.Equal(5.0m, report.GetProperty("survey").GetProperty("questions")[0].GetProperty("mean").GetDecimal());
        Assert.Equal("Przygotowanie diagnozy stanu cyfryzacji", report.GetProperty("moduleTitle").GetString());
        await ProblemAsync(await ore.GetAsync("/api/evaluation/surveys/reports/modules/NIEMA", Ct), HttpStatusCode.NotFound);
        await ProblemAsync(await ore.GetAsync($"/api/evaluation/surveys/reports/modules/{module}?cohortId={Guid.CreateVersion7()}", Ct), HttpStatusCode.NotFound);
    }
}

/// <summary>A trainer and an advisor see their own groups' results, and never another's (404).</summary>
public sealed class SurveyOwnResultsTests(EvaluationService service) : IClassFixture<EvaluationService>
{
    [Fact]
    public async Task A_trainer_sees_the_results_of_the_modules_they_trained_and_not_anothers()
    {
        var cohortId = Guid.CreateVersion7();
        var trainerEmail = $"trener-{Guid.NewGuid():N}@ore.example.pl";
        await service.ScheduleAsync(cohortId, "M2", trainerEmail, "Tomasz Trener");
        var otherCohort = Guid.CreateVersion7();
        await service.ScheduleAsync(otherCohort, "M2", "inna-trenerka@ore.example.pl", "Inna Trenerka");
        foreach (var token in await service.ModuleSurveysAsync(cohortId, "M2", 5))
        {
            await service.AnsweredAsync(token, ModuleAnswers());
        }
        var trainerId = (await service.QueryAsync<Guid>("SELECT id FROM survey_trainers WHERE email = @trainerEmail", new { trainerEmail })).Single();
        var otherId = (await service.QueryAsync<Guid>("SELECT id FROM survey_trainers WHERE email = 'inna-trenerka@ore.example.pl'")).Single();
        var trainer = service.ClientWith(TestTokens.Person(Guid.CreateVersion7(), ["trainer"], email: trainerEmail.ToUpperInvariant(), name: "Tomasz Trener"));

        var own = await trainer.GetFromJsonAsync<JsonElement>("/api/evaluation/surveys/results/own", Ct);
        var group = Assert.Single(own.GetProperty("groups").EnumerateArray());
        Assert.Equal(("trainer", trainerId.ToString(), 5, true), (group.GetProperty("by").GetString(), group.GetProperty("key").GetString(),
            group.GetProperty("answers").GetInt32(), group.GetProperty("enough").GetBoolean()));
        var result = await trainer.GetFromJsonAsync<JsonElement>($"/api/evaluation/surveys/results/trainer/{trainerId}", Ct);
        Assert.True(result.GetProperty("enough").GetBoolean());
        await ProblemAsync(await trainer.GetAsync($"/api/evaluation/surveys/results/trainer/{otherId}", Ct), HttpStatusCode.NotFound);
        await ProblemAsync(await trainer.GetAsync("/api/evaluation/surveys/results/module/M2", Ct), HttpStatusCode.NotFound);
        await ProblemAsync(await trainer.GetAsync($"/api/evaluation/surveys/results/advisor/{trainerId}", Ct), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, (await trainer.GetAsync("/api/evaluation/surveys/results?by=trainer", Ct)).StatusCode);
        var member = service.ClientWith(TestTokens.Person(Guid.CreateVersion7(), ["jst-member"], jst: "0201011", email: trainerEmail));
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"/api/evaluation/surveys/results/trainer/{trainerId}", Ct)).StatusCode);
    }

    [Fact]
    public async Task An_advisor_sees_their_own_group_but_not_a_trainers()
    {
        var advisorId = Guid.CreateVersion7();
        var email = $"doradca-{Guid.NewGuid():N}@ore.example.pl";
        await service.PublishTwiceAsync(new AdvisorAssigned
        {
            EngagementId = Guid.CreateVersion7(), ApplicationId = Guid.CreateVersion7(), RoundId = Guid.CreateVersion7(), JstTerc = "0201011", JstName = "Bolesławiec",
            AdvisorId = advisorId, AdvisorEmail = email, AdvisorName = "Dariusz Doradca", StartsOn = new DateOnly(2026, 1, 1), EndsOn = new DateOnly(2026, 12, 31),
            HoursBudget = 60, AssignedAt = DateTimeOffset.UtcNow,
        });
        await Eventually.GetAsync(() => service.QueryAsync<Guid>("SELECT id FROM survey_advisors WHERE id = @advisorId", new { advisorId }), rows => rows.Count == 1,
            what: "the advisor");
        var advisor = service.ClientWith(TestTokens.Person(Guid.CreateVersion7(), ["advisor"], email: email, name: "Dariusz Doradca"));

        var own = await advisor.GetFromJsonAsync<JsonElement>("/api/evaluation/surveys/results/own", Ct);
        var result = await advisor.GetFromJsonAsync<JsonElement>($"/api/evaluation/surveys/results/advisor/{advisorId}", Ct);

        Assert.Equal(("advisor", 0, false), (Assert.Single(own.GetProperty("groups").EnumerateArray()).GetProperty("by").GetString(),
            result.GetProperty("answers").GetInt32(), result.GetProperty("enough").GetBoolean()));
        await ProblemAsync(await advisor.GetAsync($"/api/evaluation/surveys/results/advisor/{Guid.CreateVersion7()}", Ct), HttpStatusCode.NotFound);
    }
}
