using Cro.Web.Monitoring.Api;

namespace Cro.Web.Tests.Administration;

/// <summary>
/// The operator's pages of dead letters, against a fake monitoring service: the error queues with their counts, a queue's
/// messages with their fault and body, one message and a whole queue replayed by their buttons, the page still there when
/// the broker does not answer, the link from the ORE dashboard, and the pages closed to anyone but ORE.
/// </summary>
public sealed class DeadLetterPagesTests : IDisposable
{
    private const string Api = "/api/monitoring/dead-letters";
    private const string Page = "/administracja/bledne-komunikaty";
    private const string Queue = "monitoring-application-accepted_error";
    private const string MessageId = "0193a1b2-0000-7000-8000-000000000042";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly WebWithFakeServices _web = new();

    public void Dispose() => _web.Dispose();

    private static DeadLetterQueue ErrorQueue(long messages) =>
        new() { Name = Queue, OriginalQueue = "monitoring-application-accepted", Messages = messages };

    private static DeadLetterQueueMessages Messages(params DeadLetter[] messages) => new() { Queue = ErrorQueue(messages.Length), Messages = messages };

    private static DeadLetter Letter() => new()
    {
        MessageId = MessageId, MessageType = "Cro.Contracts.ApplicationAccepted",
        ExceptionType = "System.InvalidOperationException", ExceptionMessage = "Nie znaleziono JST 1206011 w rejestrze.",
        FaultedAt = new DateTimeOffset(2026, 12, 7, 8, 15, 0, TimeSpan.Zero), ConsumerType = "Cro.Monitoring.Features.Recruitment.ApplicationAcceptedConsumer",
        StackTrace = "at Cro.Monitoring.Features.Recruitment.ApplicationAcceptedConsumer.HandleAsync()", ContentType = "application/vnd.masstransit+json",
        Body = """{"messageId":"0193a1b2-0000-7000-8000-000000000042","message":{"jstTerc":"1206011"}}""", BodyTruncated = false,
    };

    [Fact]
    public async Task The_queues_show_their_counts_and_a_whole_queue_is_replayed_by_its_button()
    {
        _web.Monitoring.Json(HttpMethod.Get, Api, new[]
        {
            ErrorQueue(3),
            new DeadLetterQueue { Name = "notifications-mail-requested_error", OriginalQueue = "notifications-mail-requested", Messages = 0 },
        });
        _web.Monitoring.Json(HttpMethod.Post, $"{Api}/{Queue}/replay",
            new DeadLetterReplay { Queue = Queue, OriginalQueue = "monitoring-application-accepted", Replayed = 3 });
        var browser = _web.Browser(Roles.Operator);

        var html = await WebWithFakeServices.PageAsync(await browser.GetAsync(Page, Ct));
        Assert.Contains($"href=\"{Page}/{Queue}\"", html);
        Assert.Contains("<td>monitoring</td>", html);
        Assert.Contains("<td>3</td>", html);
        Assert.Contains("<td>notifications</td>", html);
        Assert.Contains($"name=\"_handler\" value=\"replay-{Queue}\"", html);
        Assert.DoesNotContain("value=\"replay-notifications-mail-requested_error\"", html); // nothing to replay

        var replayed = await WebWithFakeServices.PageAsync(await WebWithFakeServices.PostFormAsync(browser, Page, $"replay-{Queue}"));
        Assert.Contains("Przekazano ponownie do kolejki monitoring-application-accepted: 3 komunikaty.", replayed);
        Assert.Single(_web.Monitoring.Requests, r => r.Method == "POST" && r.Path == $"{Api}/{Queue}/replay");
    }

    [Fact]
    public async Task A_queue_shows_each_message_with_its_fault_and_body_and_one_is_replayed_by_its_button()
    {
        _web.Monitoring.Json(HttpMethod.Get, $"{Api}/{Queue}", Messages(Letter()));
        _web.Monitoring.Json(HttpMethod.Post, $"{Api}/{Queue}/messages/{MessageId}/replay",
            new DeadLetterReplay { Queue = Queue, OriginalQueue = "monitoring-application-accepted", Replayed = 1 });
        var browser = _web.Browser(Roles.Operator);
        var page = $"{Page}/{Queue}";

        var html = await WebWithFakeServices.PageAsync(await browser.GetAsync(page, Ct));
        Assert.Contains("<code>Cro.Contracts.ApplicationAccepted</code>", html);
        Assert.Contains(MessageId, html);
        Assert.Contains("Nie znaleziono JST 1206011 w rejestrze.", html);
        Assert.Contains("System.InvalidOperationException", html);
        Assert.Contains("7 grudnia 2026, 09:15", html); // Warsaw time
        Assert.Contains("\"jstTerc\": \"1206011\"", html); // the body indented for reading
        Assert.Contains("ApplicationAcceptedConsumer.HandleAsync()", html);
        Assert.Contains("name=\"_handler\" value=\"replay-all\"", html);

        var replayed = await WebWithFakeServices.PageAsync(await WebWithFakeServices.PostFormAsync(browser, page, $"replay-{MessageId}"));
        Assert.Contains("Przekazano ponownie do kolejki monitoring-application-accepted: 1 komunikat.", replayed);
        Assert.Single(_web.Monitoring.Requests, r => r.Method == "POST" && r.Path == $"{Api}/{Queue}/messages/{MessageId}/replay");
    }

    [Fact]
    public async Task An_empty_queue_says_so_and_offers_no_replay()
    {
        _web.Monitoring.Json(HttpMethod.Get, $"{Api}/{Queue}", Messages());
        var html = await WebWithFakeServices.PageAsync(await _web.Browser(Roles.Operator).GetAsync($"{Page}/{Queue}", Ct));

        Assert.Contains("Kolejka jest pusta.", html);
        Assert.DoesNotContain("replay-all", html);
    }

    [Fact]
    public async Task When_the_broker_does_not_answer_the_page_says_so()
    {
        _web.Monitoring.Problem(HttpMethod.Get, Api, HttpStatusCode.ServiceUnavailable,
            new { title = "Broker komunikatów jest niedostępny.", status = 503 });
        var html = await WebWithFakeServices.PageAsync(await _web.Browser(Roles.Operator).GetAsync(Page, Ct));

        Assert.Contains("Nie można pokazać kolejek:", html);
        Assert.Contains("Broker komunikatów jest niedostępny.", html);
    }

    [Fact]
    public async Task The_ore_dashboard_links_to_the_dead_letters()
    {
        var html = await WebWithFakeServices.PageAsync(await _web.Browser(Roles.Operator).GetAsync("/administracja", Ct));
        Assert.Contains($"href=\"{Page}\"", html);
    }

    [Theory]
    [InlineData(Page)]
    [InlineData(Page + "/" + Queue)]
    public async Task The_pages_are_for_ore_staff_only(string path)
    {
        var response = await _web.Browser(Roles.JstCoordinator, Roles.Trainer).GetAsync(path, Ct);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_web.Monitoring.Requests);
    }
}
