using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace Cro.Tests.Infrastructure;

/// <summary>
/// One service in-process, as the AppHost wires it: its own fresh database (owner and application
/// logins) and a virtual host of its own on the real broker. Start-up migrates and seeds as in production.
/// <c>testServices</c> changes the service's registrations after its own (e.g. <see cref="TestTokens.AcceptTestTokens"/>).
/// </summary>
public sealed class ServiceFactory<TProgram>(string database, TestDatabase db, string broker, IReadOnlyDictionary<string, string?> settings,
    Action<IServiceCollection>? testServices = null)
    : WebApplicationFactory<TProgram> where TProgram : class
{
    public TestDatabase Database { get; } = db;

    /// <param name="onKestrel">Serve on a real loopback port (benchmarks) rather than the in-memory test server.</param>
    public static async Task<ServiceFactory<TProgram>> StartAsync(string database, IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? testServices = null, bool onKestrel = false) =>
        await StartAsync(database, await TestDatabase.CreateAsync(database), await TestServers.RabbitMqVirtualHostAsync(database), settings,
            testServices, onKestrel);

    /// <summary>The service on a database and broker the test chose (e.g. servers of its own, which it stops and starts).</summary>
    public static Task<ServiceFactory<TProgram>> StartAsync(string database, TestDatabase db, string broker,
        IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? testServices = null, bool onKestrel = false)
    {
        var factory = new ServiceFactory<TProgram>(database, db, broker, settings ?? new Dictionary<string, string?>(), testServices);
        if (onKestrel)
        {
            factory.UseKestrel(0);
        }
        factory.StartServer(); // starts the host: migrations, seeding, bus
        return Task.FromResult(factory);
    }

    /// <summary>
    /// Stops this instance and starts the service again on the same database and virtual host, as after a crash or a
    /// redeployment: what was committed is there, what was in memory is gone.
    /// </summary>
    public async Task<ServiceFactory<TProgram>> RestartAsync()
    {
        await DisposeAsync();
        // MassTransit keeps the last bus's log context in a static, here the disposed host's logger factory; the new bus
        // would log through it. A fresh one lets the new host set its own.
        MassTransit.LogContext.ConfigureCurrentLogContext();
        var next = new ServiceFactory<TProgram>(database, Database, broker, settings, testServices);
        next.StartServer();
        return next;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting($"ConnectionStrings:{database}", Database.AppConnectionString);
        builder.UseSetting($"ConnectionStrings:{database}-migrator", Database.OwnerConnectionString);
        builder.UseSetting("ConnectionStrings:rabbitmq", broker);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        if (testServices is not null)
        {
            builder.ConfigureTestServices(testServices);
        }
    }
}
