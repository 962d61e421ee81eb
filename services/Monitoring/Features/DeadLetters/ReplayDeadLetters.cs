namespace Cro.Monitoring.Features.DeadLetters;

/// <summary>
/// POST /api/monitoring/dead-letters/{queue}/replay — moves every message of an <c>_error</c> queue back to the queue it failed
/// in (after its cause is fixed); POST …/messages/{messageId}/replay — one message. A message leaves <c>_error</c> only once
/// the broker has confirmed its copy (<see cref="DeadLetterBroker.ReplayAsync"/>); a replay cut short (the broker gone)
/// answers 503, and a queue that is gone 409; either leaves the rest where they were. Who replayed what is logged.
/// </summary>
public static class ReplayDeadLetters
{
    public static RouteGroupBuilder MapReplayDeadLetters(this RouteGroupBuilder api)
    {
        api.MapPost("/{queue}/replay", ReplayAllAsync)
            .WithName("ReplayDeadLetters")
            .WithSummary("Ponowne przekazanie wszystkich komunikatów kolejki / Replay every message of a dead-letter queue")
            .Produces<DeadLetterReplay>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .RequireAuthorization(Policies.Operator);
        api.MapPost("/{queue}/messages/{messageId}/replay", ReplayOneAsync)
            .WithName("ReplayDeadLetter")
            .WithSummary("Ponowne przekazanie jednego komunikatu / Replay one dead-lettered message")
            .Produces<DeadLetterReplay>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .RequireAuthorization(Policies.Operator);
        return api;
    }

    private static Task<IResult> ReplayAllAsync(string queue, DeadLetterBroker broker, HttpContext context, ILogger<DeadLetterBroker> logger,
        CancellationToken ct) => ReplayAsync(queue, null, broker, context, logger, ct);

    private static Task<IResult> ReplayOneAsync(string queue, string messageId, DeadLetterBroker broker, HttpContext context,
        ILogger<DeadLetterBroker> logger, CancellationToken ct) => ReplayAsync(queue, messageId, broker, context, logger, ct);

    private static async Task<IResult> ReplayAsync(string queue, string? messageId, DeadLetterBroker broker, HttpContext context,
        ILogger<DeadLetterBroker> logger, CancellationToken ct)
    {
        try
        {
            if (await broker.QueueAsync(queue, ct) is not { } found)
            {
                return DeadLettersApi.QueueNotFound(queue);
            }
            var replayed = await broker.ReplayAsync(found.Name, messageId, ct);
            logger.LogInformation("{Operator} replayed {Count} message(s) of {Queue} to {Target} (message {MessageId})",
                Caller.From(context.User).DisplayName, replayed, found.Name, found.OriginalQueue, messageId ?? "all");
            if (messageId is not null && replayed == 0)
            {
                return ProblemDetailsDefaults.NotFound($"W kolejce „{queue}” nie ma komunikatu {messageId}.",
                    $"The queue '{queue}' holds no message {messageId}.");
            }
            return TypedResults.Ok(new DeadLetterReplay(found.Name, found.OriginalQueue, replayed));
        }
        catch (DeadLetterTargetMissingException e)
        {
            logger.LogWarning(e, "Replaying {Queue} stopped: {Target} is missing", queue, e.Target);
            return Problems.Conflict("Kolejka docelowa nie istnieje.", "The target queue does not exist.",
                $"Kolejka {e.Target} (lub jej powiązanie) nie istnieje: komunikaty zostały w kolejce błędów (przekazano wcześniej: {e.Replayed}). Uruchom ponownie usługę albo broker-setup, który ją deklaruje.",
                $"The queue {e.Target} (or its binding) does not exist: the messages stay in the error queue ({e.Replayed} moved before). Restart the service, or broker-setup, which declares it.");
        }
        catch (Exception e) when (DeadLettersApi.IsBrokerFailure(e) && !ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "Replaying {Queue} was cut short; the messages not confirmed stay in it", queue);
            return DeadLettersApi.BrokerUnavailable();
        }
    }
}

/// <summary>How many messages went back from <paramref name="Queue"/> to <paramref name="OriginalQueue"/>.</summary>
public sealed record DeadLetterReplay(string Queue, string OriginalQueue, int Replayed);
