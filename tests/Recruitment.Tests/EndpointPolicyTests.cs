namespace Cro.Recruitment.Tests;

public sealed class EndpointPolicyTests(RecruitmentService service) : IClassFixture<RecruitmentService>
{
    [Fact]
    public void Every_endpoint_names_a_policy_or_is_explicitly_public() =>
        EndpointPolicies.AssertAllExplicit(service.Factory.Services);
}
