using System.Text.Json;

namespace Cro.Training.Tests;

public sealed class EndpointPolicyTests(TrainingService service) : IClassFixture<TrainingService>
{
    [Fact]
    public void Every_endpoint_names_a_policy_or_is_explicitly_public() =>
        EndpointPolicies.AssertAllExplicit(service.Factory.Services);

    [Fact]
    public async Task The_OpenAPI_document_describes_the_training_API_for_anyone()
    {
        var document = JsonDocument.Parse(await service.Anonymous.GetStringAsync("/api/training/openapi/v1.json", TestContext.Current.CancellationToken));

        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/training/programme", paths);
        Assert.Contains("/api/training/modules/{code}/materials/files", paths);
        Assert.Contains("/api/training/calendar/{token}.ics", paths);
        Assert.Contains("/api/training/sessions/{id}/attendance", paths);
        Assert.Contains("/api/training/attempts/{id}/answers/{questionId}", paths);
        Assert.Contains("/api/training/cohorts/{id}/learning-gain", paths);
        Assert.Contains("/api/training/public/certificates", paths);
        Assert.Contains("/api/training/.well-known/jwks.json", paths);
        Assert.Contains("/api/training/sessions/{id}/cancel", paths);
        Assert.Contains("/api/training/teams/{applicationId}/cohort", paths);
        Assert.Contains("/api/training/public/sessions", paths);
        Assert.Contains("/api/training/tests/readiness", paths);
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas").EnumerateObject().Select(s => s.Name).ToList();
        Assert.Contains("CancelSessionRequest", schemas);
        Assert.Contains("TeamCohortRequest", schemas);
        Assert.Contains("PublicSession", schemas);
        Assert.Contains("ModuleTestReadiness", schemas);
    }
}
