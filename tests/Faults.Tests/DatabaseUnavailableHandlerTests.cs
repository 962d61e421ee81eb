using System.Net.Sockets;
using System.Text.Json;
using Cro.ServiceDefaults;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cro.Faults.Tests;

/// <summary>Which database failures answer 503 ProblemDetails with Retry-After (<see cref="DatabaseUnavailableHandler"/>), and which stay a 500.</summary>
public sealed class DatabaseUnavailableHandlerTests
{
    public static TheoryData<string> Unavailable => ["refused", "broken", "admin-shutdown", "cannot-connect-now", "connection-failure", "too-many", "wrapped"];

    private static Exception Failure(string kind) => kind switch
    {
        "refused" => new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused)),
        "broken" => new NpgsqlException("Exception while reading from stream", new EndOfStreamException()),
        "admin-shutdown" => Postgres(PostgresErrorCodes.AdminShutdown),
        "cannot-connect-now" => Postgres(PostgresErrorCodes.CannotConnectNow),
        "connection-failure" => Postgres(PostgresErrorCodes.ConnectionFailure),
        "too-many" => Postgres(PostgresErrorCodes.TooManyConnections),
        "wrapped" => new InvalidOperationException("Reading the round failed.", Postgres(PostgresErrorCodes.AdminShutdown)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static PostgresException Postgres(string state) => new("the server says no", "FATAL", "FATAL", state);

    [Theory]
    [MemberData(nameof(Unavailable))]
    public async Task A_database_that_cannot_be_reached_answers_503_problem_details_with_retry_after(string kind)
    {
        System.Globalization.CultureInfo.CurrentUICulture = new("pl");
        var context = Context();
        Assert.True(await Handler().TryHandleAsync(context, Failure(kind), TestContext.Current.CancellationToken));

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.Equal(DatabaseUnavailableHandler.RetryAfterSeconds.ToString(), context.Response.Headers.RetryAfter.ToString());
        Assert.StartsWith("application/problem+json", context.Response.ContentType);
        context.Response.Body.Position = 0;
        var problem = await JsonDocument.ParseAsync(context.Response.Body, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("Usługa chwilowo niedostępna.", problem.RootElement.GetProperty("title").GetString());
        Assert.DoesNotContain("   at ", problem.RootElement.GetRawText());
    }

    [Fact]
    public async Task Other_database_errors_and_bugs_are_left_to_the_500()
    {
        foreach (var failure in new Exception[]
        {
            Postgres(PostgresErrorCodes.UniqueViolation),
            Postgres(PostgresErrorCodes.UndefinedTable),
            new InvalidOperationException("a bug"),
            new NullReferenceException(),
        })
        {
            var context = Context();
            Assert.False(await Handler().TryHandleAsync(context, failure, TestContext.Current.CancellationToken), failure.Message);
            Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        }
    }

    private static DatabaseUnavailableHandler Handler()
    {
        var services = new ServiceCollection().AddLogging().AddCroProblemDetails().BuildServiceProvider();
        return new DatabaseUnavailableHandler(services.GetRequiredService<Microsoft.AspNetCore.Http.IProblemDetailsService>(),
            NullLogger<DatabaseUnavailableHandler>.Instance);
    }

    private static DefaultHttpContext Context()
    {
        var services = new ServiceCollection().AddLogging().AddCroProblemDetails().BuildServiceProvider();
        return new DefaultHttpContext { RequestServices = services, Response = { Body = new MemoryStream() } };
    }
}
