using System.Net.Http.Json;
using System.Text.Json;
using Cro.Notifications.Features.Webhooks.Api;
using Cro.PartnerClient;
using Cro.ServiceDefaults.Security;

namespace Cro.Notifications.Tests;

/// <summary>
/// Notifications with webhooks paced for a test: loopback receivers allowed, a 2-second attempt timeout, a short poll, and
/// a retry schedule of seconds (data, as an operator would change it); a partner client known from identity's announcement.
/// </summary>
public sealed class PartnerWebhooks : IAsyncDisposable
{
    public const string ClientId = "partner-zwiazek";
    public const string Jst = "1211092";

    private readonly FakeSmtpServer _smtp;

    private PartnerWebhooks(FakeSmtpServer smtp, NotificationsService service, WebhookReceiver receiver) =>
        (_smtp, Service, Receiver) = (smtp, service, receiver);

    public NotificationsService Service { get; }
    public WebhookReceiver Receiver { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<PartnerWebhooks> StartAsync(string retrySchedule = "(1, '1 second'), (2, '1 second'), (3, '1 second')",
        IReadOnlyList<string>? clientJst = null)
    {
        var smtp = new FakeSmtpServer();
        var service = await NotificationsService.StartAsync(smtp.Port, new Dictionary<string, string?>
        {
            ["Webhooks:AllowLoopback"] = "true",
            ["Webhooks:PollInterval"] = "00:00:00.200",
            ["Webhooks:ResumeDelay"] = "00:00:00.500",
            ["Webhooks:Timeout"] = "00:00:02",
            ["Webhooks:Lease"] = "00:00:10",
        });
        await service.ExecuteAsOwnerAsync($"DELETE FROM webhook_retry_schedule; INSERT INTO webhook_retry_schedule (attempt, retry_after) VALUES {retrySchedule};");
        var hooks = new PartnerWebhooks(smtp, service, await WebhookReceiver.StartAsync());
        await hooks.AnnounceClientAsync([Scopes.RecruitmentRead, Scopes.WebhooksManage], clientJst ?? []);
        return hooks;
    }

    /// <summary>Identity's announcement of the client, as after an administrator created or changed it.</summary>
    public async Task AnnounceClientAsync(IReadOnlyList<string> scopes, IReadOnlyList<string> jst, bool removed = false)
    {
        var changedAt = DateTimeOffset.UtcNow;
        await Service.Bus.Publish(new ApiClientChanged
        {
            ClientId = ClientId, DisplayName = "Związek Gmin", Scopes = scopes, JstTercs = jst, Removed = removed, ChangedAt = changedAt,
        }, Ct);
        await Eventually.GetAsync(() => Service.QueryAsync<DateTime>("SELECT changed_at FROM webhook_clients WHERE client_id = @ClientId", new { ClientId }),
            rows => rows.Count == 1 && rows[0] >= changedAt.UtcDateTime.AddMilliseconds(-1), what: "the client's announcement");
    }

    /// <summary>The partner's API client with the scope to manage webhooks (and read recruitment).</summary>
    public HttpClient Partner() => Service.CreateClient(TestTokens.Client(ClientId, Scopes.WebhooksManage, Scopes.RecruitmentRead));

    public async Task<WebhookEndpoints.Created> RegisterAsync(params string[] eventTypes)
    {
        var response = await Partner().PostAsJsonAsync("/api/notifications/webhooks/endpoints",
            new { url = Receiver.Url, eventTypes = eventTypes.Length == 0 ? ["application.accepted"] : eventTypes, description = "Nasz system członkowski" }, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<WebhookEndpoints.Created>(Ct))!;
    }

    public Task PublishAsync<T>(T message) where T : class => Service.Bus.Publish(message, Ct);

    public async Task<IReadOnlyList<WebhookDeliveries.Delivery>> DeliveriesAsync(Guid endpoint, string? status = null) =>
        (await Partner().GetFromJsonAsync<WebhookDeliveries.Page>(
            $"/api/notifications/webhooks/endpoints/{endpoint}/deliveries{(status is null ? "" : "?status=" + status)}", Ct))!.Items;

    public async Task<WebhookDeliveries.Delivery> WaitForDeliveryAsync(Guid endpoint, Func<WebhookDeliveries.Delivery, bool> done, TimeSpan? within = null) =>
        (await Eventually.GetAsync(() => DeliveriesAsync(endpoint), d => d.Count > 0 && done(d[0]), within, "the delivery's state"))[0];

    public static JsonElement Json(string body) => JsonDocument.Parse(body).RootElement;

    public async ValueTask DisposeAsync()
    {
        await Receiver.DisposeAsync();
        await Service.DisposeAsync();
        await _smtp.DisposeAsync();
    }
}
