using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;

namespace Cro.Tests.Infrastructure;

/// <summary>
/// The real PostgreSQL and RabbitMQ servers tests run against: the ones named by CRO_TEST_POSTGRES
/// (a superuser connection string) and CRO_TEST_RABBITMQ (an amqp:// URI), which test.sh starts; or,
/// where those are not set and a Docker engine answers, containers started once per test process.
/// </summary>
public static class TestServers
{
    private static readonly Lazy<Task<string>> Postgres = new(() =>
        FromEnvironmentOr("CRO_TEST_POSTGRES", async () =>
        {
            var container = new PostgreSqlBuilder("postgres:15").Build();
            await container.StartAsync();
            return container.GetConnectionString();
        }));

    private static readonly Lazy<Task<string>> RabbitMq = new(() =>
        FromEnvironmentOr("CRO_TEST_RABBITMQ", async () =>
        {
            var container = new RabbitMqBuilder("rabbitmq:3.13-management").Build();
            await container.StartAsync();
            return container.GetConnectionString();
        }));

    /// <summary>Superuser connection string of the test PostgreSQL server.</summary>
    public static Task<string> PostgresAdminAsync() => Postgres.Value;

    /// <summary>amqp:// URI of the test RabbitMQ broker.</summary>
    public static Task<string> RabbitMqAsync() => RabbitMq.Value;

    private static Task<string> FromEnvironmentOr(string variable, Func<Task<string>> startContainer)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        return string.IsNullOrWhiteSpace(value) ? startContainer() : Task.FromResult(value);
    }
}
