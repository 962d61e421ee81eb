using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Cro.Gateway.Tests;

public sealed class ApiReferenceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_api_reference_lists_every_service_and_the_webhook_catalogue_under_its_own_policy()
    {
        await using var gateway = new WebApplicationFactory<Program>().WithWebHostBuilder(host => host.UseEnvironment("Production"));
        var client = gateway.CreateClient();

        using var response = await client.GetAsync("/api/docs/", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {html}");
        // Scalar resolves these against the site's origin.
        Assert.All(ApiServices.All, service => Assert.Contains($"\"url\":\"api/{service.Name}/openapi/v1.json\"", html));
        Assert.Contains($"\"url\":\"{ApiServices.WebhookCatalogue.Path.TrimStart('/')}\"", html);
        Assert.Equal(SecurityHeaders.ApiReferencePolicy, response.Headers.GetValues("Content-Security-Policy").Single());
    }
}
