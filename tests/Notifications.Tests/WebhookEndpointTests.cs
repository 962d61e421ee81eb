using System.Net.Http.Json;
using Cro.Notifications.Features.Webhooks.Api;
using Cro.Notifications.Features.Webhooks.Delivery;
using Cro.ServiceDefaults.Security;

namespace Cro.Notifications.Tests;

/// <summary>Registering endpoints: refusals that change nothing, another client's endpoints unseen, ORE acting for a client.</summary>
public sealed class WebhookEndpointTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("https://10.1.2.3/hooks")]
    [InlineData("https://192.168.0.10/hooks")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://[fd00::1]/hooks")]
    [InlineData("http://partner.example.org/hooks")]
    [InlineData("https://user:pass@partner.example.org/hooks")]
    [InlineData("not a url")]
    public void Only_public_https_addresses_are_receivers(string url)
    {
        Assert.False(Uri.TryCreate(url, UriKind.Absolute, out var uri) && ReceiverAddresses.Refusal(uri, allowLoopback: false) is null);
    }

    [Fact]
    public void Loopback_is_a_receiver_only_when_the_setting_allows_it()
    {
        Assert.NotNull(ReceiverAddresses.Refusal(new Uri("https://127.0.0.1/hooks"), allowLoopback: false));
        Assert.NotNull(ReceiverAddresses.Refusal(new Uri("https://localhost/hooks"), allowLoopback: false));
        Assert.Null(ReceiverAddresses.Refusal(new Uri("http://127.0.0.1:5000/hooks"), allowLoopback: true));
        Assert.Null(ReceiverAddresses.Refusal(new Uri("https://partner.example.org/hooks"), allowLoopback: false));
        Assert.False(ReceiverAddresses.Allows(IPAddress.Parse("::ffff:10.0.0.1"), allowLoopback: true));
        Assert.True(ReceiverAddresses.Allows(IPAddress.Parse("83.12.1.1"), allowLoopback: false));
    }

    [Fact]
    public async Task Bad_registrations_are_refused_with_the_field_named_and_nothing_is_written()
    {
        await using var hooks = await PartnerWebhooks.StartAsync();
        var partner = hooks.Partner();
        var refusals = new (object Body, string Field)[]
        {
            (new { url = "https://10.0.0.1/hooks", eventTypes = new[] { "application.accepted" } }, "Url"),
            (new { url = hooks.Receiver.Url, eventTypes = Array.Empty<string>() }, "EventTypes"),
            (new { url = hooks.Receiver.Url, eventTypes = new[] { "application.eaten" } }, "EventTypes[0]"),
            // The client was not given training.read.
            (new { url = hooks.Receiver.Url, eventTypes = new[] { "training.module-completed" } }, "eventTypes"),
        };
        foreach (var (body, field) in refusals)
        {
            var response = await partner.PostAsJsonAsync("/api/notifications/webhooks/endpoints", body, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync(Ct), StringComparison.OrdinalIgnoreCase);
        }
        Assert.Equal([0], await hooks.Service.QueryAsync<int>("SELECT count(*)::int FROM webhook_endpoints"));
    }

    [Fact]
    public async Task A_client_sees_and_changes_only_its_own_endpoints_and_ORE_registers_for_a_client()
    {
        await using var hooks = await PartnerWebhooks.StartAsync();
        var own = await hooks.RegisterAsync();
        var other = hooks.Service.CreateClient(TestTokens.Client("partner-other", Scopes.WebhooksManage));

        Assert.Empty((await other.GetFromJsonAsync<IReadOnlyList<WebhookEndpoints.EndpointResponse>>("/api/notifications/webhooks/endpoints", Ct))!);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/notifications/webhooks/endpoints/{own.Endpoint.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"/api/notifications/webhooks/endpoints/{own.Endpoint.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/notifications/webhooks/endpoints/{own.Endpoint.Id}/deliveries", Ct)).StatusCode);
        // A token without the scope, or a person who is not ORE, is refused.
        var reader = hooks.Service.CreateClient(TestTokens.Client(PartnerWebhooks.ClientId, Scopes.RecruitmentRead));
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync("/api/notifications/webhooks/endpoints", Ct)).StatusCode);
        var coordinator = hooks.Service.CreateClient(TestTokens.Person(Guid.NewGuid(), [Roles.JstCoordinator], jst: PartnerWebhooks.Jst));
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync("/api/notifications/webhooks/endpoints", Ct)).StatusCode);

        var ore = hooks.Service.CreateClient(TestTokens.Person(Guid.NewGuid(), [Roles.Operator]));
        var forClient = await ore.PostAsJsonAsync("/api/notifications/webhooks/endpoints",
            new { url = hooks.Receiver.Url, eventTypes = new[] { "jst.withdrew" }, clientId = PartnerWebhooks.ClientId }, Ct);
        Assert.Equal(HttpStatusCode.Created, forClient.StatusCode);
        var unknown = await ore.PostAsJsonAsync("/api/notifications/webhooks/endpoints",
            new { url = hooks.Receiver.Url, eventTypes = new[] { "jst.withdrew" }, clientId = "partner-nobody" }, Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var mine = (await hooks.Partner().GetFromJsonAsync<IReadOnlyList<WebhookEndpoints.EndpointResponse>>("/api/notifications/webhooks/endpoints", Ct))!;
        Assert.Equal(2, mine.Count);

        var changed = await hooks.Partner().PutAsJsonAsync($"/api/notifications/webhooks/endpoints/{own.Endpoint.Id}",
            new { url = hooks.Receiver.Url, eventTypes = new[] { "application.submitted", "application.accepted" }, description = "Po zmianie" }, Ct);
        Assert.Equal(["application.submitted", "application.accepted"], (await changed.Content.ReadFromJsonAsync<WebhookEndpoints.EndpointResponse>(Ct))!.EventTypes);
        var disabled = await hooks.Partner().PostAsync($"/api/notifications/webhooks/endpoints/{own.Endpoint.Id}/disable", null, Ct);
        Assert.Equal("partner", (await disabled.Content.ReadFromJsonAsync<WebhookEndpoints.EndpointResponse>(Ct))!.DisabledReason);
        Assert.Equal(HttpStatusCode.NoContent, (await hooks.Partner().DeleteAsync($"/api/notifications/webhooks/endpoints/{own.Endpoint.Id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_registration_repeated_under_its_Idempotency_Key_answers_the_first_endpoint_and_registers_one()
    {
        await using var hooks = await PartnerWebhooks.StartAsync();
        async Task<HttpResponseMessage> RegisterAsync(string description)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/notifications/webhooks/endpoints")
            {
                Content = JsonContent.Create(new { url = hooks.Receiver.Url, eventTypes = new[] { "application.accepted" }, description }),
            };
            request.Headers.Add("Idempotency-Key", "rejestracja-1");
            return await hooks.Partner().SendAsync(request, Ct);
        }

        var first = await (await RegisterAsync("Nasz system")).Content.ReadFromJsonAsync<WebhookEndpoints.Created>(Ct);
        var again = await (await RegisterAsync("Nasz system")).Content.ReadFromJsonAsync<WebhookEndpoints.Created>(Ct);
        var other = await RegisterAsync("Inny opis");

        Assert.Equal((first!.Endpoint.Id, first.Secret), (again!.Endpoint.Id, again.Secret));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal([1], await hooks.Service.QueryAsync<int>("SELECT count(*)::int FROM webhook_endpoints"));
    }
}
