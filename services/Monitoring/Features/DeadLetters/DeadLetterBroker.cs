using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Cro.Monitoring.Features.DeadLetters;

/// <summary>
/// The platform's <c>_error</c> queues on the broker (the virtual host of <c>ConnectionStrings:rabbitmq</c>): listed and read
/// through the management HTTP API (<c>ConnectionStrings:rabbitmq-management</c>, http://user:password@host:port/), moved
/// back over AMQP. Reading never takes a message away (the management API's get with <c>ack_requeue_true</c>); a replay
/// acknowledges a message in <c>_error</c> only after the broker confirmed its copy in the original queue, so a crash in
/// between leaves it in both places, and the consumer's inbox (keyed by the message id, which the copy keeps) applies it once.
/// </summary>
public sealed class DeadLetterBroker(HttpClient http, IConfiguration configuration)
{
    /// <summary>MassTransit's suffix of the queue a message goes to after its retries.</summary>
    public const string ErrorSuffix = "_error";

    /// <summary>What MassTransit adds when it moves a message to <c>_error</c>: dropped from the replayed copy, which is the message as sent.</summary>
    private static readonly string[] FaultHeaderPrefixes = ["MT-Fault-", "MT-Reason"];

    private Uri Amqp => new(configuration.GetConnectionString("rabbitmq")
        ?? throw new InvalidOperationException("ConnectionStrings:rabbitmq is not configured."));

    /// <summary>The virtual host of the services' broker URI ("/" when the URI names none).</summary>
    private string VirtualHost => Amqp.AbsolutePath.TrimStart('/') is { Length: > 0 } path ? Uri.UnescapeDataString(path) : "/";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(configuration.GetConnectionString("rabbitmq-management"));

    /// <summary>Every <c>_error</c> queue of the virtual host with the messages waiting in it (the management API's figures, a few seconds old at most).</summary>
    public async Task<IReadOnlyList<DeadLetterQueue>> QueuesAsync(CancellationToken ct)
    {
        using var request = Request(HttpMethod.Get, $"api/queues/{Escape(VirtualHost)}?columns=name,messages");
        using var response = await http.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
        var queues = await response.Content.ReadFromJsonAsync<List<QueueInfo>>(ct) ?? [];
        return [.. queues.Where(q => IsErrorQueue(q.Name))
            .OrderBy(q => q.Name, StringComparer.Ordinal)
            .Select(q => new DeadLetterQueue(q.Name, q.Name[..^ErrorSuffix.Length], q.Messages ?? 0))];
    }

    /// <summary>One <c>_error</c> queue, or null when the virtual host has no such queue.</summary>
    public async Task<DeadLetterQueue?> QueueAsync(string name, CancellationToken ct)
    {
        if (!IsErrorQueue(name))
        {
            return null;
        }
        using var request = Request(HttpMethod.Get, $"api/queues/{Escape(VirtualHost)}/{Escape(name)}?columns=name,messages");
        using var response = await http.SendAsync(request, ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        response.EnsureSuccessStatusCode();
        var queue = await response.Content.ReadFromJsonAsync<QueueInfo>(ct);
        return queue is null ? null : new DeadLetterQueue(queue.Name, queue.Name[..^ErrorSuffix.Length], queue.Messages ?? 0);
    }

    /// <summary>
    /// The first <paramref name="count"/> messages of <paramref name="queue"/>, left where they are: the broker hands them over
    /// and takes them back at once (ack_requeue_true).
    /// </summary>
    public async Task<IReadOnlyList<DeadLetter>> PeekAsync(string queue, int count, CancellationToken ct)
    {
        using var request = Request(HttpMethod.Post, $"api/queues/{Escape(VirtualHost)}/{Escape(queue)}/get");
        request.Content = JsonContent.Create(new { count, ackmode = "ack_requeue_true", encoding = "auto", truncate = MaxBody });
        using var response = await http.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
        var messages = await response.Content.ReadFromJsonAsync<List<PeekedMessage>>(ct) ?? [];
        return [.. messages.Select(ToDeadLetter)];
    }

    /// <summary>
    /// Moves the messages of <paramref name="queue"/> (all, or the one with <paramref name="messageId"/>) back to the queue they
    /// failed in, through its exchange of the same name (MassTransit binds one to every receive endpoint); returns how many.
    /// Only the messages there when the replay starts are moved, so one that fails again at once is not replayed twice.
    /// </summary>
    public async Task<int> ReplayAsync(string queue, string? messageId, CancellationToken ct)
    {
        var target = queue[..^ErrorSuffix.Length];
        var factory = new ConnectionFactory { Uri = Amqp, ClientProvidedName = "monitoring-dead-letter-replay" };
        await using var connection = await factory.CreateConnectionAsync(ct);
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);
        var waiting = (await channel.QueueDeclarePassiveAsync(queue, ct)).MessageCount;
        var replayed = 0;
        ulong? lastPassedOver = null;
        for (var taken = 0u; taken < waiting; taken++)
        {
            if (await channel.BasicGetAsync(queue, autoAck: false, ct) is not { } message)
            {
                break;
            }
            if (messageId is not null && message.BasicProperties.MessageId != messageId)
            {
                // Held unacknowledged (so the next get returns the next message) until the end, then given back.
                lastPassedOver = message.DeliveryTag;
                continue;
            }
            var properties = new BasicProperties(message.BasicProperties)
            {
                Headers = message.BasicProperties.Headers?
                    .Where(h => !FaultHeaderPrefixes.Any(p => h.Key.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
                    .ToDictionary(h => h.Key, h => h.Value),
            };
            // Mandatory, with confirmations tracked: an exchange bound to no queue returns the message and this throws,
            // the channel closes and the message stays in _error (so do the ones not replayed yet).
            try
            {
                await channel.BasicPublishAsync(target, "", mandatory: true, properties, message.Body, ct);
            }
            catch (Exception e) when (e is PublishReturnException
                                      || (e is OperationInterruptedException { ShutdownReason.ReplyCode: Constants.NotFound }))
            {
                throw new DeadLetterTargetMissingException(target, replayed, e);
            }
            await channel.BasicAckAsync(message.DeliveryTag, multiple: false, ct);
            replayed++;
            if (messageId is not null)
            {
                break;
            }
        }
        if (lastPassedOver is { } tag)
        {
            await channel.BasicNackAsync(tag, multiple: true, requeue: true, ct);
        }
        return replayed;
    }

    public static bool IsErrorQueue(string name) =>
        name.Length > ErrorSuffix.Length && name.EndsWith(ErrorSuffix, StringComparison.Ordinal);

    /// <summary>How much of a message's body is shown (MassTransit's envelopes of the platform's events are far smaller).</summary>
    private const int MaxBody = 64 * 1024;

    private static DeadLetter ToDeadLetter(PeekedMessage message)
    {
        var headers = message.Properties?.Headers ?? [];
        string? Header(string name) => headers.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        var body = message.PayloadEncoding == "base64"
            ? $"(base64) {message.Payload}"
            : message.Payload ?? "";
        var messageType = MessageTypeOf(body) ?? Header("MT-Fault-MessageType");
        return new DeadLetter(
            message.Properties?.MessageId,
            messageType,
            Header("MT-Fault-ExceptionType"),
            Header("MT-Fault-Message"),
            DateTimeOffset.TryParse(Header("MT-Fault-Timestamp"), System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal, out var at) ? at.ToUniversalTime() : null,
            Header("MT-Fault-ConsumerType"),
            Header("MT-Fault-StackTrace"),
            message.Properties?.ContentType,
            body,
            message.PayloadBytes > MaxBody);
    }

    /// <summary>The message's type as MassTransit's envelope names it (urn:message:Cro.Contracts:ApplicationSubmitted → Cro.Contracts.ApplicationSubmitted).</summary>
    private static string? MessageTypeOf(string body)
    {
        try
        {
            using var envelope = JsonDocument.Parse(body);
            if (envelope.RootElement.ValueKind == JsonValueKind.Object
                && envelope.RootElement.TryGetProperty("messageType", out var types) && types.ValueKind == JsonValueKind.Array
                && types.GetArrayLength() > 0 && types[0].GetString() is { } urn)
            {
                return urn.StartsWith("urn:message:", StringComparison.Ordinal) ? urn["urn:message:".Length..].Replace(':', '.') : urn;
            }
        }
        catch (JsonException)
        {
            // Not MassTransit's JSON envelope (or cut at MaxBody): the type stays unknown.
        }
        return null;
    }

    private HttpRequestMessage Request(HttpMethod method, string path)
    {
        var management = new Uri(configuration.GetConnectionString("rabbitmq-management")
            ?? throw new InvalidOperationException("ConnectionStrings:rabbitmq-management is not configured."));
        var request = new HttpRequestMessage(method, new Uri(new Uri(management.GetLeftPart(UriPartial.Authority) + "/"), path));
        if (management.UserInfo is { Length: > 0 } userInfo)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(userInfo))));
        }
        return request;
    }

    private static string Escape(string segment) => Uri.EscapeDataString(segment);

    private sealed record QueueInfo(string Name, long? Messages);

    private sealed record PeekedMessage(
        [property: JsonPropertyName("payload_bytes")] long PayloadBytes,
        [property: JsonPropertyName("payload")] string? Payload,
        [property: JsonPropertyName("payload_encoding")] string? PayloadEncoding,
        [property: JsonPropertyName("properties")] PeekedProperties? Properties);

    private sealed record PeekedProperties(
        [property: JsonPropertyName("message_id")] string? MessageId,
        [property: JsonPropertyName("content_type")] string? ContentType,
        [property: JsonPropertyName("headers")] Dictionary<string, JsonElement>? Headers);
}

/// <summary>The queue a dead letter failed in is gone (its exchange missing or bound to nothing): nothing more was moved.</summary>
public sealed class DeadLetterTargetMissingException(string target, int replayed, Exception inner)
    : Exception($"The queue {target} is not there to take replayed messages ({replayed} moved before).", inner)
{
    public string Target { get; } = target;
    public int Replayed { get; } = replayed;
}

/// <summary>An <c>_error</c> queue: its name, the queue its messages failed in, and how many wait in it.</summary>
public sealed record DeadLetterQueue(string Name, string OriginalQueue, long Messages);

/// <summary>A message that failed in its consumer after every retry, as it waits in an <c>_error</c> queue.</summary>
/// <param name="MessageId">The message's id (the outbox id of the event): what a replay of one message names.</param>
/// <param name="MessageType">The contract's full name, from MassTransit's envelope.</param>
/// <param name="Body">The body as sent (MassTransit's JSON envelope), cut at 64 KiB (<paramref name="BodyTruncated"/>).</param>
public sealed record DeadLetter(string? MessageId, string? MessageType, string? ExceptionType, string? ExceptionMessage,
    DateTimeOffset? FaultedAt, string? ConsumerType, string? StackTrace, string? ContentType, string Body, bool BodyTruncated);
