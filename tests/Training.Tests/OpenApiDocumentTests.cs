namespace Cro.Training.Tests;

/// <summary>The training's OpenAPI document, read as a partner reads it and held against the service's real answers.</summary>
public sealed class OpenApiDocumentTests(TrainingService service) : OpenApiDocumentFacts("training"), IClassFixture<TrainingService>
{
    protected override HttpClient Anonymous => service.Anonymous;

    [Fact]
    public async Task Answers_to_an_operator_a_trainer_a_participant_and_anyone_are_as_documented()
    {
        var document = await DocumentAsync();
        var team = await Teams.AcceptAsync(service, Teams.Gromadka);
        var trainer = Cohorts.Trainer();
        var cohort = await Cohorts.CreateAsync(service, [team.ApplicationId], trainer);
        var start = Cohorts.WarsawNow().AddDays(7);
        var session = await Cohorts.ScheduleAsync(service, cohort.Id, Cohorts.Session(start, start.AddHours(3)));
        var material = await (await service.Operator().PostAsJsonAsync("/api/training/modules/M1/materials/links",
            new { title = "Poradnik", url = "https://example.org/poradnik", isPublic = true }, Ct))
            .Content.ReadFromJsonAsync<Features.Materials.MaterialView>(Ct);
        string[] known =
        [
            $"/api/training/cohorts/{cohort.Id}", $"/api/training/cohorts/{cohort.Id}/results", $"/api/training/cohorts/{cohort.Id}/learning-gain",
            $"/api/training/sessions/{session.Id}/attendance", $"/api/training/sessions/{session.Id}/attendance/corrections",
            $"/api/training/sessions/{session.Id}/check-in-code", $"/api/training/teams/{team.ApplicationId}",
            $"/api/training/teams/{team.ApplicationId}/cohort-changes", "/api/training/modules/M1/questions", "/api/training/modules/M1/materials",
            $"/api/training/materials/{material!.Id}", $"/api/training/public/materials/{material.Id}", "/api/training/programme/versions/1",
            $"/api/training/cohorts/{cohort.Id}/attendance/export", $"/api/training/cohorts/{cohort.Id}/results/export?format=xlsx",
        ];

        var byOperator = await document.AssertAnswersAsync(service.Operator(), [.. document.PathsWithoutParameters(), .. known, .. document.PathsForNothing()], Ct);
        var byTrainer = await document.AssertAnswersAsync(service.Trainer(trainer.Email), [.. document.PathsWithoutParameters(), .. known], Ct);
        var member = service.Member(team.Team[0].Email, Teams.Gromadka);
        var byMember = await document.AssertAnswersAsync(member, [.. document.PathsWithoutParameters(), $"/api/training/cohorts/{cohort.Id}",
            "/api/training/me/modules/M1/tests/pre", $"/api/training/teams/{team.ApplicationId}"], Ct);
        await document.AssertAnswersAsync(service.Anonymous, document.PathsWithoutParameters(), Ct);

        Assert.All(known.Where(p => !p.Contains("corrections", StringComparison.Ordinal)), path => Assert.Equal(200, byOperator[path]));
        Assert.Equal(200, byTrainer[$"/api/training/cohorts/{cohort.Id}/results"]);
        Assert.Equal(200, byMember["/api/training/me/sessions"]);
    }
}
