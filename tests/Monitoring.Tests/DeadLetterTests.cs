using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using Cro.BuildingBlocks.Messaging;
using Cro.Monitoring.Features.DeadLetters;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Cro.Monitoring.Tests;

/// <summary>Monitoring reading its broker's management API (the test broker's, CRO_TEST_RABBITMQ_MANAGEMENT), its gauge every second.</summary>
public sealed class DeadLetterMonitoringService : MonitoringService
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["ConnectionStrings:rabbitmq-management"] = Environment.GetEnvironmentVariable("CRO_TEST_RABBITMQ_MANAGEMENT")
            ?? throw new InvalidOperationException("CRO_TEST_RABBITMQ_MANAGEMENT is not set: run the tests with tests/with-servers.sh."),
        ["Monitoring:DeadLetters:PollInterval"] = "00:00:01",
    };
}

/// <summary>
/// A poison message: a consumer (of a service of its own on monitoring's virtual host) throws for it until "fixed"; after its
/// retries MassTransit moves it to the consumer's _error queue, where the operator sees it (API and gauge), and replays it.
/// </summary>
public sealed class DeadLetterTests(DeadLetterMonitoringService monitoring) : IClassFixture<DeadLetterMonitoringService>
{
    private const string Api = "/api/monitoring/dead-letters";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_poison_message_waits_in_the_error_queue_with_its_fault_and_after_the_fix_a_replay_applies_it_once()
    {
        await using var consumer = await ProbeService.StartAsync(monitoring);
        var operatorClient = monitoring.Operator();

        var poison = new PoisonProbe { Id = Guid.CreateVersion7() };
        var messageId = await consumer.PublishAsync(poison);

        var queue = await Eventually.GetAsync(async () => (await operatorClient.GetFromJsonAsync<List<DeadLetterQueue>>(Api, Ct))!
                .SingleOrDefault(q => q.Name == consumer.QueueName + "_error" && q.Messages == 1),
            q => q is not null, TimeSpan.FromSeconds(60), "the poison message in its _error queue");
        Assert.Equal(queue!.Name[..^"_error".Length], queue.OriginalQueue);
        // Every try (the first and the retries) failed, and none was applied.
        Assert.Equal(ProbeService.RetryLimit + 1, consumer.Switch.Attempts(poison.Id));
        Assert.Equal(0, consumer.Switch.Applied(poison.Id));

        var listed = await Responses.ReadAsync<DeadLetterQueueMessages>(await operatorClient.GetAsync($"{Api}/{queue.Name}", Ct), HttpStatusCode.OK);
        var letter = Assert.Single(listed.Messages);
        Assert.Equal(messageId.ToString(), letter.MessageId);
        Assert.Equal(typeof(PoisonProbe).FullName, letter.MessageType);
        Assert.Equal(ProbeSwitch.Failure, letter.ExceptionMessage);
        Assert.Contains(nameof(InvalidOperationException), letter.ExceptionType);
        Assert.NotNull(letter.FaultedAt);
        Assert.InRange(letter.FaultedAt!.Value, DateTimeOffset.UtcNow.AddMinutes(-2), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Contains(poison.Id.ToString(), letter.Body);
        // Reading took nothing away.
        Assert.Single((await Responses.ReadAsync<DeadLetterQueueMessages>(await operatorClient.GetAsync($"{Api}/{queue.Name}", Ct), HttpStatusCode.OK)).Messages);

        // The gauge the dashboard shows counts it, under its queue.
        await Eventually.GetAsync(() => Task.FromResult(DeadLetterGaugeReading(queue.Name)), n => n == 1, TimeSpan.FromSeconds(30), "the gauge at 1");

        consumer.Switch.Fix();
        var replay = await Responses.ReadAsync<DeadLetterReplay>(
            await operatorClient.PostAsync($"{Api}/{queue.Name}/messages/{messageId}/replay", null, Ct), HttpStatusCode.OK);
        Assert.Equal(1, replay.Replayed);
        Assert.Equal(queue.OriginalQueue, replay.OriginalQueue);

        await Eventually.GetAsync(() => Task.FromResult(consumer.Switch.Applied(poison.Id)), n => n == 1, what: "the replayed message applied");
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        Assert.Equal(1, consumer.Switch.Applied(poison.Id));
        // The copy kept the message's id (what a consumer's inbox deduplicates by).
        Assert.Equal([messageId], consumer.Switch.MessageIds(poison.Id));
        Assert.Empty((await Responses.ReadAsync<DeadLetterQueueMessages>(await operatorClient.GetAsync($"{Api}/{queue.Name}", Ct), HttpStatusCode.OK)).Messages);
        await Eventually.GetAsync(() => Task.FromResult(DeadLetterGaugeReading(queue.Name)), n => n == 0, TimeSpan.FromSeconds(30), "the gauge at 0");
    }

    [Fact]
    public async Task Replaying_a_whole_queue_moves_every_message_back_once_and_empties_it()
    {
        await using var consumer = await ProbeService.StartAsync(monitoring);
        var operatorClient = monitoring.Operator();
        var poisons = Enumerable.Range(0, 3).Select(_ => new PoisonProbe { Id = Guid.CreateVersion7() }).ToList();
        foreach (var poison in poisons)
        {
            await consumer.PublishAsync(poison);
        }
        var queue = await Eventually.GetAsync(async () => (await operatorClient.GetFromJsonAsync<List<DeadLetterQueue>>(Api, Ct))!
                .SingleOrDefault(q => q.Name == consumer.QueueName + "_error"),
            q => q is not null, TimeSpan.FromSeconds(60), "the _error queue");
        await Eventually.GetAsync(async () => (await operatorClient.GetFromJsonAsync<DeadLetterQueueMessages>($"{Api}/{queue!.Name}", Ct))!.Messages.Count,
            n => n == poisons.Count, TimeSpan.FromSeconds(60), "every poison message in _error");

        consumer.Switch.Fix();
        var replay = await Responses.ReadAsync<DeadLetterReplay>(await operatorClient.PostAsync($"{Api}/{queue!.Name}/replay", null, Ct), HttpStatusCode.OK);
        Assert.Equal(poisons.Count, replay.Replayed);
        await Eventually.GetAsync(() => Task.FromResult(poisons.All(p => consumer.Switch.Applied(p.Id) == 1)), done => done, what: "every message applied");
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        Assert.All(poisons, p => Assert.Equal(1, consumer.Switch.Applied(p.Id)));
        Assert.Empty((await operatorClient.GetFromJsonAsync<DeadLetterQueueMessages>($"{Api}/{queue.Name}", Ct))!.Messages);
    }

    [Fact]
    public async Task Only_operators_see_or_replay_dead_letters()
    {
        var member = monitoring.ClientWith(TestTokens.Person(Guid.CreateVersion7(), ["jst-coordinator"], jst: "1465011"));
        var advisor = monitoring.ClientWith(TestTokens.Person(Guid.CreateVersion7(), ["advisor"]));
        Assert.Equal(HttpStatusCode.Unauthorized, (await monitoring.Client.GetAsync(Api, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync(Api, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await advisor.GetAsync($"{Api}/any_error", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await monitoring.Partner().PostAsync($"{Api}/any_error/replay", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsync($"{Api}/any_error/messages/{Guid.NewGuid()}/replay", null, Ct)).StatusCode);
    }

    [Fact]
    public async Task An_unknown_queue_a_queue_that_is_not_an_error_queue_a_missing_message_and_a_bad_count_are_refused()
    {
        await using var consumer = await ProbeService.StartAsync(monitoring);
        var operatorClient = monitoring.Operator();
        var unknown = await Responses.ProblemAsync(await operatorClient.GetAsync($"{Api}/no-such-queue_error", Ct), HttpStatusCode.NotFound);
        Assert.Contains("no-such-queue_error", unknown);
        await Responses.ProblemAsync(await operatorClient.PostAsync($"{Api}/no-such-queue_error/replay", null, Ct), HttpStatusCode.NotFound);
        // A consumer's own queue is not a dead-letter queue: nothing is replayed out of it.
        var live = (await operatorClient.GetFromJsonAsync<List<DeadLetterQueue>>(Api, Ct))!;
        await Responses.ProblemAsync(await operatorClient.PostAsync($"{Api}/{consumer.QueueName}/replay", null, Ct), HttpStatusCode.NotFound);

        var poison = new PoisonProbe { Id = Guid.CreateVersion7() };
        await consumer.PublishAsync(poison);
        var queue = consumer.QueueName + "_error";
        await Eventually.GetAsync(async () => (await operatorClient.GetAsync($"{Api}/{queue}", Ct)).StatusCode, s => s == HttpStatusCode.OK,
            TimeSpan.FromSeconds(60), "the _error queue");
        await Responses.ProblemAsync(await operatorClient.PostAsync($"{Api}/{queue}/messages/{Guid.NewGuid()}/replay", null, Ct), HttpStatusCode.NotFound);
        await Responses.ProblemAsync(await operatorClient.GetAsync($"{Api}/{queue}?count=0", Ct), HttpStatusCode.BadRequest);
        await Responses.ProblemAsync(await operatorClient.GetAsync($"{Api}/{queue}?count=201", Ct), HttpStatusCode.BadRequest);
        Assert.DoesNotContain(live, q => q.Name == consumer.QueueName);
        consumer.Switch.Fix();
        await operatorClient.PostAsync($"{Api}/{queue}/replay", null, Ct);
    }

    [Fact]
    public async Task A_replay_to_a_queue_that_is_gone_is_refused_and_the_message_stays_in_the_error_queue()
    {
        var consumer = await ProbeService.StartAsync(monitoring);
        var operatorClient = monitoring.Operator();
        var messageId = await consumer.PublishAsync(new PoisonProbe { Id = Guid.CreateVersion7() });
        var queue = consumer.QueueName + "_error";
        // The _error queue exists only once MassTransit moved the first fault there: until then the page is a 404.
        await Eventually.GetAsync(async () =>
        {
            using var response = await operatorClient.GetAsync($"{Api}/{queue}", Ct);
            return response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<DeadLetterQueueMessages>(Ct))!.Messages.Count : 0;
        }, n => n == 1, TimeSpan.FromSeconds(60), "the poison message in _error");
        await consumer.DisposeAsync();
        await DeleteQueueAsync(consumer.QueueName);

        var refused = await Responses.ProblemAsync(await operatorClient.PostAsync($"{Api}/{queue}/messages/{messageId}/replay", null, Ct), HttpStatusCode.Conflict);
        Assert.Contains(consumer.QueueName, refused);
        await Responses.ProblemAsync(await operatorClient.PostAsync($"{Api}/{queue}/replay", null, Ct), HttpStatusCode.Conflict);

        var left = (await operatorClient.GetFromJsonAsync<DeadLetterQueueMessages>($"{Api}/{queue}", Ct))!;
        Assert.Equal(messageId.ToString(), Assert.Single(left.Messages).MessageId);
    }

    /// <summary>Deletes a queue of monitoring's virtual host through the management API, as a queue lost on the broker.</summary>
    private async Task DeleteQueueAsync(string queue)
    {
        var management = new Uri(Environment.GetEnvironmentVariable("CRO_TEST_RABBITMQ_MANAGEMENT")!);
        var virtualHost = new Uri(monitoring.Factory.Services.GetRequiredService<IConfiguration>().GetConnectionString("rabbitmq")!).AbsolutePath.TrimStart('/');
        using var http = new HttpClient { BaseAddress = new Uri(management.GetLeftPart(UriPartial.Authority)) };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Uri.UnescapeDataString(management.UserInfo))));
        (await http.DeleteAsync($"/api/queues/{Uri.EscapeDataString(Uri.UnescapeDataString(virtualHost))}/{queue}", Ct)).EnsureSuccessStatusCode();
    }

    /// <summary>What the gauge cro.messaging.dead_letters reports for <paramref name="queue"/> now (-1: nothing).</summary>
    private static long DeadLetterGaugeReading(string queue)
    {
        long reading = -1;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "cro.messaging" && instrument.Name == "cro.messaging.dead_letters")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "queue" && Equals(tag.Value, queue))
                {
                    reading = value;
                }
            }
        });
        listener.Start();
        listener.RecordObservableInstruments();
        return reading;
    }
}

/// <summary>The message the probe's consumer fails on until fixed (a test's own contract).</summary>
public sealed record PoisonProbe
{
    public required Guid Id { get; init; }
}

/// <summary>The probe's consumer: throws while the switch says so (the bug), then applies each message (the fix).</summary>
public sealed class PoisonProbeConsumer(ProbeSwitch probe) : IConsumer<PoisonProbe>
{
    public Task Consume(ConsumeContext<PoisonProbe> context)
    {
        probe.Attempt(context.Message.Id);
        if (probe.Failing)
        {
            throw new InvalidOperationException(ProbeSwitch.Failure);
        }
        probe.Apply(context.Message.Id, context.MessageId);
        return Task.CompletedTask;
    }
}

public sealed class ProbeSwitch
{
    public const string Failure = "Poison: the consumer cannot apply this message yet.";
    private readonly ConcurrentDictionary<Guid, int> _attempts = new();
    private readonly ConcurrentDictionary<Guid, ConcurrentQueue<Guid?>> _applied = new();

    public volatile bool Failing = true;

    public void Fix() => Failing = false;
    public void Attempt(Guid id) => _attempts.AddOrUpdate(id, 1, (_, n) => n + 1);
    public void Apply(Guid id, Guid? messageId) => _applied.GetOrAdd(id, _ => new()).Enqueue(messageId);
    public int Attempts(Guid id) => _attempts.GetValueOrDefault(id);
    public int Applied(Guid id) => _applied.TryGetValue(id, out var ids) ? ids.Count : 0;
    public IReadOnlyList<Guid?> MessageIds(Guid id) => _applied.TryGetValue(id, out var ids) ? [.. ids] : [];
}

/// <summary>
/// A service of its own (a queue of its own per test) on monitoring's virtual host, with the platform's messaging set-up
/// (<see cref="MessagingExtensions.AddMessaging(IHostApplicationBuilder, string, Action{IBusRegistrationConfigurator}?)"/>) and quick retries.
/// </summary>
public sealed class ProbeService : IAsyncDisposable
{
    public const int RetryLimit = 2;
    private readonly IHost _host;

    private ProbeService(IHost host, string name)
    {
        _host = host;
        QueueName = $"{name}-poison-probe";
    }

    public ProbeSwitch Switch => _host.Services.GetRequiredService<ProbeSwitch>();

    /// <summary>The consumer's queue (its _error queue is this and "_error").</summary>
    public string QueueName { get; }

    public static async Task<ProbeService> StartAsync(MonitoringService monitoring)
    {
        var name = $"probe{Guid.NewGuid():N}"[..13];
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:rabbitmq"] = monitoring.Factory.Services.GetRequiredService<IConfiguration>().GetConnectionString("rabbitmq"),
            ["Messaging:Retry:Limit"] = RetryLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Messaging:Retry:MinInterval"] = "00:00:00.050",
            ["Messaging:Retry:MaxInterval"] = "00:00:00.100",
            ["Outbox:RelayEnabled"] = "false",
        });
        builder.Services.AddSingleton<ProbeSwitch>();
        builder.AddMessaging(name, bus => bus.AddConsumer<PoisonProbeConsumer>());
        var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        return new ProbeService(host, name);
    }

    /// <summary>Sends <paramref name="probe"/> to this service's consumer alone; returns its message id.</summary>
    public async Task<Guid> PublishAsync(PoisonProbe probe)
    {
        var id = Guid.CreateVersion7();
        var endpoint = await _host.Services.GetRequiredService<ISendEndpointProvider>().GetSendEndpoint(new Uri($"queue:{QueueName}"));
        await endpoint.Send(probe, context => context.MessageId = id, TestContext.Current.CancellationToken);
        return id;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(TestContext.Current.CancellationToken);
        _host.Dispose();
    }
}
