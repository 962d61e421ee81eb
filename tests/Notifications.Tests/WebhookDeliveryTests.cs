using System.Net.Http.Json;
using Cro.Notifications.Features.Webhooks.Api;
using Cro.PartnerClient;
using Cro.ServiceDefaults.Security;

namespace Cro.Notifications.Tests;

/// <summary>
/// The partner's webhooks as its receiver meets them: signed per Standard Webhooks, thin, ordered per JST, retried on the
/// schedule through failures, timeouts and Retry-After, disabled by 410, replayed, and never lost or doubled across a restart.
/// </summary>
public sealed class WebhookDeliveryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_accepted_application_reaches_the_receiver_signed_thin_and_numbered_in_its_JST()
    {
        await using var hooks = await PartnerWebhooks.StartAsync();
        var endpoint = await hooks.RegisterAsync("application.accepted", "application.rejected");
        Assert.StartsWith("whsec_", endpoint.Secret);
        var accepted = Events.AcceptedApplication();
        var rejected = Events.RejectedApplication();

        await hooks.PublishAsync(accepted);
        await hooks.Receiver.WaitForAsync(1);
        await hooks.PublishAsync(rejected);
        var requests = await hooks.Receiver.WaitForAsync(2);

        Assert.All(requests, request => Assert.True(WebhookReceiver.IsSignedWith(endpoint.Secret, request), "the signature verifies"));
        var first = PartnerWebhooks.Json(requests[0].Body);
        Assert.Equal("application.accepted", first.GetProperty("type").GetString());
        Assert.Equal(accepted.ApplicationId, first.GetProperty("data").GetProperty("applicationId").GetGuid());
        Assert.Equal(accepted.JstTerc, first.GetProperty("data").GetProperty("jstTerc").GetString());
        Assert.Equal(accepted.Team.Count, first.GetProperty("data").GetProperty("teamSize").GetInt32());
        Assert.Equal(accepted.AcceptedAt, first.GetProperty("timestamp").GetDateTimeOffset());
        // No person's data: the receiver fetches the team with its token.
        Assert.All(accepted.Team, member =>
        {
            Assert.DoesNotContain(member.Email, requests[0].Body);
            Assert.DoesNotContain(member.FullName, requests[0].Body);
        });
        Assert.Equal([1L, 2L], requests.Select(r => PartnerWebhooks.Json(r.Body).GetProperty("sequence").GetInt64()));
        var delivered = await hooks.WaitForDeliveryAsync(endpoint.Endpoint.Id, d => d.Status == "delivered");
        Assert.Equal(1, delivered.Attempts);
        Assert.Equal(204, delivered.LastStatusCode);
    }

    [Fact]
    public async Task An_event_handed_over_twice_is_delivered_once()
    {
        await using var hooks = await PartnerWebhooks.StartAsync();
        var endpoint = await hooks.RegisterAsync();

        await hooks.Service.PublishTwiceAsync(Events.AcceptedApplication());

        await hooks.Receiver.WaitForAsync(1);
        await Task.Delay(TimeSpan.FromSeconds(1.5), Ct);
        Assert.Single(hooks.Receiver.Requests);
        Assert.Single(await hooks.DeliveriesAsync(endpoint.Endpoint.Id));
    }

    [Fact]
    public async Task Failures_redirects_and_timeouts_are_retried_with_the_same_id_until_the_receiver_accepts()
    {
        await using var hooks = await PartnerWebhooks.StartAsync(retrySchedule: "(1, '1 second'), (2, '1 second'), (3, '1 second'), (4, '1 second')");
        var endpoint = await hooks.RegisterAsync();
        hooks.Receiver.Script(
            new WebhookReceiver.Reply(500),
            new WebhookReceiver.Reply(302, Location: "http://127.0.0.1:1/elsewhere"),
            new WebhookReceiver.Reply(200, Delay: TimeSpan.FromSeconds(4)));

        await hooks.PublishAsync(Events.AcceptedApplication());

        var requests = await hooks.Receiver.WaitForAsync(4, TimeSpan.FromSeconds(40));
        Assert.Single(requests.Select(r => r.Id).Distinct());
        Assert.All(requests, request => Assert.True(WebhookReceiver.IsSignedWith(endpoint.Secret, request)));
        var delivered = await hooks.WaitForDeliveryAsync(endpoint.Endpoint.Id, d => d.Status == "delivered");
        Assert.Equal(4, delivered.Attempts);
        var detail = await hooks.Partner().GetFromJsonAsync<WebhookDeliveries.Detail>(
            $"/api/notifications/webhooks/endpoints/{endpoint.Endpoint.Id}/deliveries/{delivered.Id}", Ct);
        Assert.Equal([500, 302, null, 204], detail!.Attempts.Select(a => a.StatusCode));
        Assert.Contains("No answer within 2 s", detail.Attempts[2].Error);
        Assert.Equal("application.accepted", PartnerWebhooks.Json(detail.Body).GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_spent_schedule_gives_the_delivery_up_and_ORE_sees_the_endpoint_failing()
    {
        await using var hooks = await PartnerWebhooks.StartAsync(retrySchedule: "(1, '1 second')");
        var endpoint = await hooks.RegisterAsync();
        hooks.Receiver.Script(new WebhookReceiver.Reply(500), new WebhookReceiver.Reply(503));

        await hooks.PublishAsync(Events.AcceptedApplication());

        var failed = await hooks.WaitForDeliveryAsync(endpoint.Endpoint.Id, d => d.Status == "failed");
        Assert.Equal((2, 503), (failed.Attempts, failed.LastStatusCode));
        Assert.Null(failed.NextAttemptAt);
        var ore = hooks.Service.CreateClient(TestTokens.Person(Guid.NewGuid(), [Roles.Operator]));
        var failing = Assert.Single((await ore.GetFromJsonAsync<IReadOnlyList<FailingEndpoints.Failing>>("/api/notifications/webhooks/failing", Ct))!);
        Assert.Equal((endpoint.Endpoint.Id, "Związek Gmin", 1, 503), (failing.Id, failing.ClientName, failing.FailedDeliveries, failing.LastStatusCode));
        // The partner itself may not see every partner's failures.
        Assert.Equal(HttpStatusCode.Forbidden, (await hooks.Partner().GetAsync("/api/notifications/webhooks/failing", Ct)).StatusCode);
    }

    [Fact]
    public async Task Retry_After_of_a_429_is_honoured_over_the_schedule()
    {
        await using var hooks = await PartnerWebhooks.StartAsync(retrySchedule: "(1, '1 hour')");
        var endpoint = await hooks.RegisterAsync();
        hooks.Receiver.Script(new WebhookReceiver.Reply(429, RetryAfter: "2"));

        await hooks.PublishAsync(Events.AcceptedApplication());

        var requests = await hooks.Receiver.WaitForAsync(2, TimeSpan.FromSeconds(20));
        var waited = requests[1].At - requests[0].At;
        Assert.InRange(waited, TimeSpan.FromSeconds(1.9), TimeSpan.FromSeconds(10));
        Assert.Equal("delivered", (await hooks.WaitForDeliveryAsync(endpoint.Endpoint.Id, d => d.Status == "delivered")).Status);
    }

    [Fact]
    public async Task A_410_disables_the_endpoint_and_after_enabling_a_replayed_range_brings_what_it_missed()
    {
        await using var hooks = await PartnerWebhooks.StartAsync();
        var endpoint = await hooks.RegisterAsync();
        var id = endpoint.Endpoint.Id;
        hooks.Receiver.Script(new WebhookReceiver.Reply(410));
        var before = DateTimeOffset.UtcNow.AddMinutes(-1);

        await hooks.PublishAsync(Events.AcceptedApplication() with { AcceptedAt = DateTimeOffset.UtcNow });
        await hooks.WaitForDeliveryAsync(id, d => d.Status == "failed");
        var disabled = await hooks.Partner().GetFromJsonAsync<WebhookEndpoints.EndpointResponse>($"/api/notifications/webhooks/endpoints/{id}", Ct);
        Assert.Equal((false, "gone"), (disabled!.Enabled, disabled.DisabledReason));

        // While disabled, nothing is queued for it.
        var missed = Events.AcceptedApplication() with { AcceptedAt = DateTimeOffset.UtcNow };
        await hooks.PublishAsync(missed);
        await Eventually.GetAsync(() => hooks.Service.QueryAsync<int>("SELECT count(*)::int FROM webhook_events"), c => c[0] == 2);
        Assert.Single(await hooks.DeliveriesAsync(id));

        Assert.Equal(HttpStatusCode.OK, (await hooks.Partner().PostAsync($"/api/notifications/webhooks/endpoints/{id}/enable", null, Ct)).StatusCode);
        var replay = await hooks.Partner().PostAsJsonAsync($"/api/notifications/webhooks/endpoints/{id}/replay",
            new { from = before, to = DateTimeOffset.UtcNow.AddMinutes(1) }, Ct);
        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        Assert.Equal(2, (await replay.Content.ReadFromJsonAsync<WebhookDeliveries.Replayed>(Ct))!.Deliveries);

        var requests = await hooks.Receiver.WaitForAsync(3);
        Assert.Contains(requests.Skip(1), r => PartnerWebhooks.Json(r.Body).GetProperty("data").GetProperty("applicationId").GetGuid() == missed.ApplicationId);
        await Eventually.GetAsync(() => hooks.DeliveriesAsync(id, "delivered"), d => d.Count == 2, what: "both delivered");
    }

    [Fact]
    public async Task One_delivery_replayed_arrives_again_with_its_webhook_id()
    {
        await using var hooks = await PartnerWebhooks.StartAsync();
        var endpoint = await hooks.RegisterAsync();
        await hooks.PublishAsync(Events.AcceptedApplication());
        var delivered = await hooks.WaitForDeliveryAsync(endpoint.Endpoint.Id, d => d.Status == "delivered");

        var replay = await hooks.Partner().PostAsync(
            $"/api/notifications/webhooks/endpoints/{endpoint.Endpoint.Id}/deliveries/{delivered.Id}/replay", null, Ct);

        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        var requests = await hooks.Receiver.WaitForAsync(2);
        Assert.Equal(requests[0].Id, requests[1].Id);
        Assert.Equal(delivered.WebhookId.ToString(), requests[1].Id);
    }

    [Fact]
    public async Task During_a_rotation_both_secrets_sign_and_after_the_overlap_only_the_new_one()
    {
        await using var hooks = await PartnerWebhooks.StartAsync();
        var endpoint = await hooks.RegisterAsync();
        var id = endpoint.Endpoint.Id;

        var rotated = await (await hooks.Partner().PostAsJsonAsync($"/api/notifications/webhooks/endpoints/{id}/secret", new { overlapHours = 1 }, Ct))
            .Content.ReadFromJsonAsync<WebhookEndpoints.Rotated>(Ct);
        await hooks.PublishAsync(Events.AcceptedApplication());
        var during = (await hooks.Receiver.WaitForAsync(1))[0];

        Assert.Equal(2, during.Signature.Split(' ').Length);
        Assert.True(WebhookReceiver.IsSignedWith(endpoint.Secret, during), "the old secret verifies during the overlap");
        Assert.True(WebhookReceiver.IsSignedWith(rotated!.Secret, during), "the new secret verifies");

        await hooks.Partner().PostAsJsonAsync($"/api/notifications/webhooks/endpoints/{id}/secret", new { overlapHours = 0 }, Ct);
        var latest = (await hooks.Partner().GetFromJsonAsync<WebhookEndpoints.EndpointResponse>($"/api/notifications/webhooks/endpoints/{id}", Ct))!;
        Assert.Single(latest.Secrets);
        await hooks.PublishAsync(Events.AcceptedApplication());
        var after = (await hooks.Receiver.WaitForAsync(2))[1];
        Assert.Single(after.Signature.Split(' '));
        Assert.False(WebhookReceiver.IsSignedWith(endpoint.Secret, after));
        Assert.False(WebhookReceiver.IsSignedWith(rotated.Secret, after));
    }

    [Fact]
    public async Task A_delivery_waiting_on_a_retry_survives_a_restart_and_is_delivered_once()
    {
        await using var hooks = await PartnerWebhooks.StartAsync(retrySchedule: "(1, '3 seconds'), (2, '1 second')");
        var endpoint = await hooks.RegisterAsync();
        hooks.Receiver.Script(new WebhookReceiver.Reply(503));
        await hooks.PublishAsync(Events.AcceptedApplication());
        await hooks.WaitForDeliveryAsync(endpoint.Endpoint.Id, d => d is { Status: "pending", Attempts: 1 });

        await hooks.Service.RestartAsync();

        var delivered = await hooks.WaitForDeliveryAsync(endpoint.Endpoint.Id, d => d.Status == "delivered", TimeSpan.FromSeconds(30));
        Assert.Equal(2, delivered.Attempts);
        await Task.Delay(TimeSpan.FromSeconds(1.5), Ct);
        var requests = hooks.Receiver.Requests;
        Assert.Equal(2, requests.Count);
        Assert.Single(requests, r => r.Answered is >= 200 and < 300);
    }

    [Fact]
    public async Task A_client_limited_to_its_members_gets_only_their_events_and_a_removed_client_none()
    {
        await using var hooks = await PartnerWebhooks.StartAsync(clientJst: [PartnerWebhooks.Jst]);
        var endpoint = await hooks.RegisterAsync();

        await hooks.PublishAsync(Events.AcceptedApplication() with { JstTerc = "0201011" });
        await hooks.PublishAsync(Events.AcceptedApplication() with { JstTerc = PartnerWebhooks.Jst });
        await Eventually.GetAsync(() => hooks.Service.QueryAsync<int>("SELECT count(*)::int FROM webhook_events"), c => c[0] == 2);

        var requests = await hooks.Receiver.WaitForAsync(1);
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        Assert.Equal(PartnerWebhooks.Jst, PartnerWebhooks.Json(Assert.Single(hooks.Receiver.Requests).Body).GetProperty("data").GetProperty("jstTerc").GetString());

        await hooks.AnnounceClientAsync([Scopes.RecruitmentRead, Scopes.WebhooksManage], [], removed: true);
        await hooks.PublishAsync(Events.AcceptedApplication() with { JstTerc = PartnerWebhooks.Jst });
        await Eventually.GetAsync(() => hooks.Service.QueryAsync<int>("SELECT count(*)::int FROM webhook_events"), c => c[0] == 3);
        Assert.Single(await hooks.DeliveriesAsync(endpoint.Endpoint.Id));
    }
}
