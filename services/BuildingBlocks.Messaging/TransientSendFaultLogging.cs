using Microsoft.Extensions.Logging;
using RabbitMQ.Client.Exceptions;

namespace Cro.BuildingBlocks.Messaging;

/// <summary>
/// The logger factory MassTransit logs through. MassTransit logs every publish that fails as an Error with its stack
/// trace ("S-FAULT …"); the outbox relay is the platform's only publisher, so during a frozen or unreachable broker
/// each waiting event became an Error, ~50 in one outage, which flagged the service red on the dashboard for a
/// retry nobody needed to act on (issue 19). Those faults, when transient (no confirmation in time, the connection
/// gone), are logged at Debug here: the relay counts them (cro.outbox.publish_failures) and says once, as a
/// Warning, how many events wait. Every other MassTransit entry passes unchanged.
/// </summary>
internal sealed class TransientSendFaultLogging(ILoggerFactory inner) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new Logger(inner.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    // The host owns the inner factory.
    public void Dispose()
    {
    }

    internal static bool IsTransient(Exception? exception) => exception?.GetBaseException() is OperationCanceledException or TimeoutException
        or ConnectionException or AlreadyClosedException or BrokerUnreachableException or OperationInterruptedException
        or System.Net.Sockets.SocketException or IOException;

    private sealed class Logger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel) || logLevel == LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Error && IsTransient(exception) && IsSendFault(state))
            {
                if (inner.IsEnabled(LogLevel.Debug))
                {
                    inner.Log(LogLevel.Debug, eventId, state, exception, formatter);
                }
                return;
            }
            if (inner.IsEnabled(logLevel))
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
            }
        }

        private static bool IsSendFault<TState>(TState state) =>
            state is IReadOnlyList<KeyValuePair<string, object?>> values
            && values.Any(v => v is { Key: "{OriginalFormat}", Value: string format } && format.StartsWith("S-FAULT", StringComparison.Ordinal));
    }
}
