using System.Data.Common;
using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Cro.ServiceDefaults;

/// <summary>
/// A request that failed because the database could not be reached (restarting, shutting down, not accepting connections,
/// the connection broken mid-request) answers 503 ProblemDetails with Retry-After: the caller may try again in a moment,
/// and nothing was written (its transaction never committed). Every other exception stays a 500. Recognised by
/// <see cref="DbException"/> rather than Npgsql's types, so the gateway and the web, which have no database, need no driver.
/// </summary>
public sealed class DatabaseUnavailableHandler(IProblemDetailsService problems, ILogger<DatabaseUnavailableHandler> logger) : IExceptionHandler
{
    /// <summary>Seconds a client waits before trying again: about what a PostgreSQL restart or fail-over takes.</summary>
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (!IsDatabaseUnavailable(exception) || context.Response.HasStarted)
        {
            return false;
        }
        // Expected while the database restarts: a warning without the stack trace, not an error that needs a person.
        logger.LogWarning("Database unavailable for {Method} {Path}: {Reason}", context.Request.Method, context.Request.Path,
            exception.GetBaseException().Message);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = Text.Pick("Usługa chwilowo niedostępna.", "The service is temporarily unavailable."),
                Detail = Text.Pick(
                    $"Baza danych chwilowo nie odpowiada; nic nie zostało zapisane. Spróbuj ponownie za {RetryAfterSeconds} s.",
                    $"The database does not answer for the moment; nothing was saved. Try again in {RetryAfterSeconds} s."),
            },
        });
    }

    /// <summary>
    /// True for a failure to reach the database anywhere in the exception's chain: a connection refused or broken (a socket
    /// or I/O error under the driver's exception, which the driver reports as transient), or the server's own word that it
    /// does not serve now (SQLSTATE class 08, connection exception; 57P, operator intervention: admin or crash shutdown,
    /// cannot connect now; 53300, too many connections).
    /// </summary>
    public static bool IsDatabaseUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is not DbException db)
            {
                continue;
            }
            if (db.SqlState is { Length: 5 } state)
            {
                return state.StartsWith("08", StringComparison.Ordinal) || state.StartsWith("57P", StringComparison.Ordinal)
                    || state == "53300";
            }
            if (db.IsTransient || db.InnerException is SocketException or IOException or TimeoutException)
            {
                return true;
            }
        }
        return false;
    }
}
