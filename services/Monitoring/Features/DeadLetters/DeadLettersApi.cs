using RabbitMQ.Client.Exceptions;

namespace Cro.Monitoring.Features.DeadLetters;

/// <summary>
/// Messages that failed in a consumer after every retry (the <c>_error</c> queues of every service on the broker): ORE's
/// operators see them with their fault, and move them back to the queue they failed in once the cause is fixed. The
/// dashboard's gauge cro.messaging.dead_letters counts them per queue (<see cref="DeadLetterGauge"/>).
/// </summary>
public static class DeadLettersApi
{
    public static IServiceCollection AddDeadLetters(this IServiceCollection services)
    {
        services.AddOptions<DeadLetterGaugeOptions>().BindConfiguration("Monitoring:DeadLetters");
        // A short timeout: the page and the gauge say "unavailable" rather than wait on a broker that does not answer.
        services.AddHttpClient<DeadLetterBroker>(http => http.Timeout = TimeSpan.FromSeconds(10));
        services.AddHostedService<DeadLetterGauge>();
        return services;
    }

    public static IEndpointRouteBuilder MapDeadLettersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/monitoring/dead-letters").WithTags("Błędne komunikaty / Dead letters");
        api.MapListDeadLetterQueues();
        api.MapListDeadLetters();
        api.MapReplayDeadLetters();
        return app;
    }

    internal static IResult QueueNotFound(string queue) =>
        ProblemDetailsDefaults.NotFound($"Nie ma kolejki błędnych komunikatów „{queue}”.", $"There is no dead-letter queue '{queue}'.");

    /// <summary>The broker (or its management API) did not answer, or is not configured: nothing was changed.</summary>
    internal static IResult BrokerUnavailable() =>
        Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable,
            title: Text.Pick("Broker komunikatów jest niedostępny.", "The message broker is unavailable."),
            detail: Text.Pick("Nie udało się odczytać kolejek brokera; spróbuj ponownie za chwilę.",
                "The broker's queues could not be read; try again in a moment."));

    /// <summary>Whether <paramref name="e"/> is the broker (HTTP API or AMQP) failing to answer, which the caller hears as a 503.</summary>
    internal static bool IsBrokerFailure(Exception e) =>
        e is HttpRequestException or TaskCanceledException or RabbitMQClientException or OperationInterruptedException
        || (e is InvalidOperationException && e.Message.Contains("rabbitmq-management", StringComparison.Ordinal));
}
