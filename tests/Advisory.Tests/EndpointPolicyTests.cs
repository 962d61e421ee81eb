namespace Cro.Advisory.Tests;

public sealed class EndpointPolicyTests(AdvisoryService service) : IClassFixture<AdvisoryService>
{
    [Fact]
    public void Every_endpoint_names_a_policy_or_is_explicitly_public() =>
        EndpointPolicies.AssertAllExplicit(service.Factory.Services);
}
