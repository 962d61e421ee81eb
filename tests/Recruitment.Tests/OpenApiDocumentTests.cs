namespace Cro.Recruitment.Tests;

/// <summary>The recruitment's OpenAPI document, read as a partner reads it and held against the service's real answers.</summary>
public sealed class OpenApiDocumentTests(RecruitmentService service) : OpenApiDocumentFacts("recruitment"), IClassFixture<RecruitmentService>
{
    protected override HttpClient Anonymous => service.Client;

    [Fact]
    public async Task Answers_to_an_operator_a_partner_an_applicant_and_anyone_are_as_documented()
    {
        var document = await DocumentAsync();
        var round = await Applicants.OpenRoundAsync(service);
        var submitted = await Applicants.SubmittedAsync(service, round.Id, Applicants.RuralGromadka);
        var application = submitted.Application.Id;
        string[] known =
        [
            $"/api/recruitment/jst/{Applicants.RuralGromadka}", "/api/recruitment/jst?q=Gromadka", $"/api/recruitment/rounds/{round.Id}",
            $"/api/recruitment/rounds/{round.Id}/statistics", $"/api/recruitment/rounds/{round.Id}/accepted-jst",
            $"/api/recruitment/rounds/{round.Id}/applications", $"/api/recruitment/applications/{application}",
            $"/api/recruitment/applications/{application}/review", $"/api/recruitment/rounds/{round.Id}/bulk-decision",
            $"/api/recruitment/rounds/{round.Id}/export?format=xlsx", $"/api/recruitment/rounds/{round.Id}/candidates/{Applicants.RuralOsiecznica}",
        ];

        var byOperator = await document.AssertAnswersAsync(service.Operator(), [.. document.PathsWithoutParameters(), .. known, .. document.PathsForNothing()], Ct);
        var partner = service.ClientWith(TestTokens.Client("partner-read", Cro.ServiceDefaults.Security.Scopes.RecruitmentRead));
        var byPartner = await document.AssertAnswersAsync(partner, [.. document.PathsWithoutParameters(), .. known], Ct);
        var coordinator = service.ClientWith(TestTokens.Person(Guid.CreateVersion7(), ["jst-coordinator"], Applicants.RuralGromadka));
        var byCoordinator = await document.AssertAnswersAsync(coordinator, [.. document.PathsWithoutParameters(), $"/api/recruitment/applications/{application}"], Ct);
        var byApplicant = await document.AssertAnswersAsync(Applicants.WithKey(service, submitted.Key), [$"/api/recruitment/applications/{application}"], Ct);
        await document.AssertAnswersAsync(service.Client, [.. document.PathsWithoutParameters(), .. known], Ct);

        Assert.All(known, path => Assert.Equal(200, byOperator[path]));
        Assert.Equal(200, byPartner[$"/api/recruitment/rounds/{round.Id}/statistics"]);
        Assert.Equal(200, byCoordinator["/api/recruitment/me/applications"]);
        Assert.Equal(200, byApplicant[$"/api/recruitment/applications/{application}"]);
    }
}
