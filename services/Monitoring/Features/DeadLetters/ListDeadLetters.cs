namespace Cro.Monitoring.Features.DeadLetters;

/// <summary>
/// GET /api/monitoring/dead-letters/{queue}?count= — the first messages of one <c>_error</c> queue (50 unless asked, at most
/// 200) with their fault: exception, when, which consumer, and the body as sent. Reading leaves every message in its queue.
/// </summary>
public static class ListDeadLetters
{
    public const int DefaultCount = 50;
    public const int MaxCount = 200;

    public static RouteGroupBuilder MapListDeadLetters(this RouteGroupBuilder api)
    {
        api.MapGet("/{queue}", ListAsync)
            .WithName("ListDeadLetters")
            .WithSummary("Komunikaty jednej kolejki błędnych komunikatów / The messages of one dead-letter queue")
            .Produces<DeadLetterQueueMessages>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .RequireAuthorization(Policies.Operator);
        return api;
    }

    private static async Task<IResult> ListAsync(string queue, int? count, DeadLetterBroker broker, CancellationToken ct)
    {
        if (count is < 1 or > MaxCount)
        {
            return Problems.Field("count", $"Liczba komunikatów musi być od 1 do {MaxCount}.", $"The count must be from 1 to {MaxCount}.");
        }
        try
        {
            if (await broker.QueueAsync(queue, ct) is not { } found)
            {
                return DeadLettersApi.QueueNotFound(queue);
            }
            var messages = await broker.PeekAsync(found.Name, count ?? DefaultCount, ct);
            return TypedResults.Ok(new DeadLetterQueueMessages(found, messages));
        }
        catch (Exception e) when (DeadLettersApi.IsBrokerFailure(e) && !ct.IsCancellationRequested)
        {
            return DeadLettersApi.BrokerUnavailable();
        }
    }
}

/// <summary>A dead-letter queue and its first messages.</summary>
public sealed record DeadLetterQueueMessages(DeadLetterQueue Queue, IReadOnlyList<DeadLetter> Messages);
