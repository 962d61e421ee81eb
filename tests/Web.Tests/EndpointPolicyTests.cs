using Cro.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Cro.Web.Tests;

public sealed class EndpointPolicyTests
{
    [Fact]
    public void Every_page_and_endpoint_names_a_policy_or_is_explicitly_public()
    {
        using var web = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
            host.UseSetting("Identity:Issuer", "http://localhost/").UseEnvironment("Production"));

        EndpointPolicies.AssertAllExplicit(web.Services);
    }
}
