namespace Cro.Identity.Tests;

public sealed class EndpointPolicyTests(IdentityService identity) : IClassFixture<IdentityService>
{
    [Fact]
    public void Every_endpoint_names_a_policy_or_is_explicitly_public() =>
        EndpointPolicies.AssertAllExplicit(identity.Factory.Services);
}
