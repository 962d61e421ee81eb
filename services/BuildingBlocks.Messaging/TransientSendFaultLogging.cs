using Microsoft.Extensions.Logging;
using RabbitMQ.Client.Exceptions;

namespace Cro.BuildingBlocks.Messaging;

/// <summary>
/// The logger factory MassTransit logs through. MassTransit logs every publish that fails as an Error with its stack
/// trace ("S-FAULT …"); the outbox relay is the platform's only publisher, so during a frozen or unreachable broker
/// each waiting event became an Error, ~50 in one outage, which flagged the service red on the dashboard for a
/// retry nobody needed to act on (issue 19). Those faults, when transient (no confirmation in time, the connection
/// gone), are logged at Debug here: the relay counts them (cro.outbox.publish_failures) and says once, as a
/// Warning, how many events wait. Likewise each failed connection attempt ("Connection Failed", a Warning with a
/// stack trace, now every few seconds per endpoint while the broker is away, see MessagingExtensions) is an Information
/// without the stack trace when the failure is transient: the outage shows in /health and in the relay's warning.
/// Every other MassTransit entry passes unchanged.
/// </summary>
internal sealed class TransientSendFaultLogging(ILoggerFactory inner) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new Logger(inner.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    // The host owns the inner factory.
    public void Dispose()
    {
    }

    internal static bool IsTransient(Exception? exception) =>
        exception is BrokerUnreachableException or ConnectFailureException or MassTransit.ConnectionException
        || exception?.GetBaseException() is OperationCanceledException or TimeoutException or MassTransit.ConnectionException
            or AlreadyClosedException or BrokerUnreachableException or ConnectFailureException or OperationInterruptedException
            or System.Net.Sockets.SocketException or IOException;

    private sealed class Logger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel) || logLevel is LogLevel.Error or LogLevel.Warning;

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
            if (logLevel == LogLevel.Warning && IsTransient(exception) && HasFormat(state, "Connection Failed"))
            {
                if (inner.IsEnabled(LogLevel.Information))
                {
                    inner.Log(LogLevel.Information, eventId, state, null, formatter);
                }
                return;
            }
            if (inner.IsEnabled(logLevel))
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
            }
        }

        private static bool IsSendFault<TState>(TState state) => HasFormat(state, "S-FAULT");

        private static bool HasFormat<TState>(TState state, string start) =>
            state is IReadOnlyList<KeyValuePair<string, object?>> values
            && values.Any(v => v is { Key: "{OriginalFormat}", Value: string format } && format.StartsWith(start, StringComparison.Ordinal));
    }
}
