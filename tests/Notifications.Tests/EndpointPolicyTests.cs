namespace Cro.Notifications.Tests;

public sealed class EndpointPolicyTests
{
    [Fact]
    public async Task Every_endpoint_names_a_policy_or_is_explicitly_public()
    {
        await using var smtp = new FakeSmtpServer();
        await using var service = await NotificationsService.StartAsync(smtp.Port);

        EndpointPolicies.AssertAllExplicit(service.Services);
    }
}
