using Cro.PartnerClient;
using Cro.PartnerClient.Recruitment;
using Cro.PartnerClient.Webhooks;

namespace Cro.EndToEnd.Tests;

/// <summary>
/// The partner association's program, written against the published OpenAPI documents only (tests/PartnerClient: clients
/// generated from them, no project reference to the platform), run against the whole platform through the gateway.
/// </summary>
public sealed class PartnerIntegrationTests(PlatformFixture platform, BrowserFixture browser)
{
    private const string Terc = "0204022";
    private const string JstName = "Jemielno";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_partner_registers_a_webhook_receives_the_acceptance_signed_and_fetches_the_accepted_JST()
    {
        var admin = await SignInFlow.AdministratorAsync(platform, browser);
        await admin.GotoAsync("/administracja/klienci-api");
        var (clientId, secret) = await AdministrationPagesTests.CreateClientAsync(admin, $"Związek webhooków {Guid.NewGuid():N}"[..28],
            "recruitment.read", "webhooks.manage");

        // The partner's side: its token, its receiver, its endpoint.
        await using var receiver = await WebhookReceiver.StartAsync();
        var token = await PartnerToken.RequestAsync(platform.Gateway, clientId, secret, ["recruitment.read", "webhooks.manage"], Ct);
        using var http = new HttpClient { BaseAddress = platform.GatewayAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var registered = await new NotificationsClient(http).CreateWebhookEndpointAsync($"rejestracja-{clientId}", new WebhookEndpointRequest
        {
            Url = receiver.Url.ToString(), EventTypes = ["application.accepted"], Description = "System członkowski związku",
        }, Ct);

        var roundId = await PublicApplications.OpenRoundAsync(platform, admin, $"Nabór partnera {Guid.NewGuid():N}"[..24]);
        await PublicApplications.AcceptedAsync(platform, admin, roundId, Terc, JstName);

        // Other tests accept other JST meanwhile: the partner picks its own out by the payload.
        var acceptance = await Eventually.GetAsync(() => Task.FromResult(receiver.Requests.FirstOrDefault(r => DataOf(r).GetProperty("roundId").GetGuid() == roundId)),
            r => r is not null, TimeSpan.FromSeconds(90), "the acceptance's webhook");
        Assert.True(WebhookReceiver.IsSignedWith(registered.Secret, acceptance!), "the signature verifies with the endpoint's secret");
        var data = DataOf(acceptance!);
        Assert.Equal(Terc, data.GetProperty("jstTerc").GetString());

        var accepted = await new RecruitmentClient(http).AcceptedJstAsync(data.GetProperty("roundId").GetGuid(), Ct);
        Assert.Equal(JstName, Assert.Single(accepted, j => j.Terc == Terc).Name);
        var log = await new NotificationsClient(http).ListWebhookDeliveriesAsync(registered.Endpoint.Id, "delivered", null, null, null, null, Ct);
        Assert.Contains(log.Items, d => d.WebhookId.ToString() == acceptance!.Id);
    }

    private static JsonElement DataOf(WebhookReceiver.Received request) => JsonDocument.Parse(request.Body).RootElement.GetProperty("data");
}
