namespace Cro.Monitoring.Features.DeadLetters;

/// <summary>GET /api/monitoring/dead-letters — every <c>_error</c> queue with the messages waiting in it (empty ones too).</summary>
public static class ListDeadLetterQueues
{
    public static RouteGroupBuilder MapListDeadLetterQueues(this RouteGroupBuilder api)
    {
        api.MapGet("/", ListAsync)
            .WithName("ListDeadLetterQueues")
            .WithSummary("Kolejki błędnych komunikatów i ich liczność / Dead-letter queues and their counts")
            .Produces<IReadOnlyList<DeadLetterQueue>>()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .RequireAuthorization(Policies.Operator);
        return api;
    }

    private static async Task<IResult> ListAsync(DeadLetterBroker broker, CancellationToken ct)
    {
        try
        {
            return TypedResults.Ok(await broker.QueuesAsync(ct));
        }
        catch (Exception e) when (DeadLettersApi.IsBrokerFailure(e) && !ct.IsCancellationRequested)
        {
            return DeadLettersApi.BrokerUnavailable();
        }
    }
}
