using DotNet.Testcontainers.Builders;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
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

    /// <summary>
    /// A virtual host of its own on the test broker, so a test process sees only the messages it
    /// publishes itself (events of one type share an exchange per virtual host). Falls back to the
    /// default virtual host where no management API is named (CRO_TEST_RABBITMQ_MANAGEMENT).
    /// </summary>
    public static async Task<string> RabbitMqVirtualHostAsync(string purpose)
    {
        var broker = await RabbitMqAsync();
        if (Environment.GetEnvironmentVariable("CRO_TEST_RABBITMQ_MANAGEMENT") is not { Length: > 0 } management)
        {
            return broker;
        }
        return await VirtualHostAsync(broker, management, purpose);
    }

    /// <summary>A new virtual host on the broker <paramref name="broker"/> (amqp://) whose management API is <paramref name="management"/>.</summary>
    public static async Task<string> VirtualHostAsync(string broker, string management, string purpose)
    {
        var api = new Uri(management);
        var user = Uri.UnescapeDataString(api.UserInfo.Split(':')[0]);
        var virtualHost = $"{purpose}-{Guid.NewGuid():N}";
        using var http = new HttpClient { BaseAddress = new Uri(api.GetLeftPart(UriPartial.Authority)) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(api.UserInfo))));
        (await http.PutAsync($"/api/vhosts/{virtualHost}", null)).EnsureSuccessStatusCode();
        (await http.PutAsJsonAsync($"/api/permissions/{virtualHost}/{Uri.EscapeDataString(user)}",
            new { configure = ".*", write = ".*", read = ".*" })).EnsureSuccessStatusCode();
        return new UriBuilder(broker) { Path = "/" + virtualHost }.Uri.ToString();
    }

    private static async Task<string> FromEnvironmentOr(string variable, Func<Task<string>> startContainer)
    {
        if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value)
        {
            return value;
        }
        try
        {
            return await startContainer();
        }
        catch (DockerUnavailableException e)
        {
            throw new InvalidOperationException(
                $"No test server: {variable} is not set and no Docker engine answers. Run ./test.sh, which starts the servers.", e);
        }
    }
}
