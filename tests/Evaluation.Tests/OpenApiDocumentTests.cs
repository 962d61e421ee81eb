using static Cro.Evaluation.Tests.SurveySteps;

namespace Cro.Evaluation.Tests;

/// <summary>The evaluation OpenAPI document, read as a partner reads it and held against the service's real answers.</summary>
public sealed class OpenApiDocumentTests(EvaluationService service) : OpenApiDocumentFacts("evaluation"), IClassFixture<EvaluationService>
{
    protected override HttpClient Anonymous => service.Anonymous;

    [Fact]
    public async Task Answers_to_ORE_a_team_member_and_anyone_are_as_documented()
    {
        var document = await DocumentAsync();
        var cohortId = Guid.CreateVersion7();
        await service.ScheduleAsync(cohortId, "M1", "trener-openapi@ore.example.pl", "Tomasz Trener");
        var person = await service.EnrolAsync();
        await service.PublishTwiceAsync(Completed(person, cohortId, "M1"));
        var invitation = Assert.Single(await service.InvitationsOfAsync(person.Email));
        var trainerId = (await service.QueryAsync<Guid>("SELECT trainer_id FROM survey_cohort_trainers WHERE cohort_id = @cohortId", new { cohortId })).Single();
        var member = service.ClientWith(TestTokens.Person(Guid.CreateVersion7(), ["jst-member"], jst: person.Terc, email: person.Email, name: person.FullName));
        string[] known =
        [
            "/api/evaluation/surveys/results?by=trainer", "/api/evaluation/surveys/results/module/M1", $"/api/evaluation/surveys/results/cohort/{cohortId}",
            $"/api/evaluation/surveys/results/trainer/{trainerId}", "/api/evaluation/surveys/reports/modules/M1",
            $"/api/evaluation/surveys/reports/modules/M1?cohortId={cohortId}", "/api/evaluation/surveys/results/export?by=cohort&format=xlsx",
        ];
        string[] own = [$"/api/evaluation/surveys/links/{TokenOf(invitation)}", $"/api/evaluation/surveys/mine/{invitation}"];

        var byOperator = await document.AssertAnswersAsync(service.Operator(), [.. document.PathsWithoutParameters(), .. known, .. document.PathsForNothing()], Ct);
        var byMember = await document.AssertAnswersAsync(member, [.. document.PathsWithoutParameters(), .. own], Ct);
        await document.AssertAnswersAsync(service.Anonymous, [.. document.PathsWithoutParameters(), own[0], .. document.PathsForNothing()], Ct);

        Assert.All(known, path => Assert.Equal(200, byOperator[path]));
        Assert.All(own, path => Assert.Equal(200, byMember[path]));
    }
}
