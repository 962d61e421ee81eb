using Cro.BuildingBlocks.Messaging;
using Cro.BuildingBlocks.Persistence;
using Cro.FaultProbe;
using Cro.ServiceDefaults;
using Cro.ServiceDefaults.Security;
using MassTransit;
using Npgsql;

// A process of the fault tests, in one of two roles:
//   FaultProbe publisher --urls http://127.0.0.1:PORT   POST /items?count=N writes N items, each with its event in the outbox
//                                                       (one transaction per item); GET /items/count reads. The relay publishes.
//   FaultProbe consumer NAME                             consumes the events on queue faultprobe-NAME-probe with the inbox.
// Configuration as a service's: ConnectionStrings:probe (application login), probe-migrator (owner; migrates at start),
// rabbitmq (amqp://). Prints "FAULTPROBE READY" once it serves and its bus is connected.
//   FaultProbe topology NAME...                          declares consumer services' queues and bindings (the platform's
//                                                       broker-setup step, BrokerTopology), then exits.
var role = args.FirstOrDefault() ?? throw new ArgumentException("Name a role: publisher, consumer NAME or topology NAME....");
if (role == "topology")
{
    var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
    var broker = new Uri(configuration.GetConnectionString("rabbitmq") ?? throw new InvalidOperationException("ConnectionStrings:rabbitmq is not configured."));
    using var logging = LoggerFactory.Create(log => log.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
    foreach (var name in args.Skip(1))
    {
        await BrokerTopology.DeployAsync(broker, $"faultprobe-{name}", bus => bus.AddConsumer<ProbeConsumer>(), logging, CancellationToken.None);
    }
    Console.WriteLine("FAULTPROBE READY");
    return;
}
var builder = WebApplication.CreateBuilder(args.Skip(role == "consumer" ? 2 : 1).ToArray());
builder.AddServiceDefaults();
builder.AddDatabase("probe");
await builder.MigrateDatabaseAsync("probe");
builder.Services.AddOptions<ProbeOptions>().BindConfiguration("Probe");
if (role == "consumer")
{
    var name = args.ElementAtOrDefault(1) ?? throw new ArgumentException("Name the consumer: consumer NAME.");
    builder.AddMessaging($"faultprobe-{name}", bus => bus.AddConsumer<ProbeConsumer>());
    builder.WebHost.UseUrls("http://127.0.0.1:0");
}
else
{
    builder.AddMessaging("faultprobe-publisher");
}

var app = builder.Build();
app.UseServiceDefaults();
if (role == "publisher")
{
    app.MapPost("/items", async (int count, NpgsqlDataSource db, CancellationToken ct) =>
    {
        var ids = new List<Guid>(count);
        for (var i = 0; i < count; i++)
        {
            await using var session = await DataSession.OpenAsync(db, JstScope.All, ct);
            var id = Guid.CreateVersion7();
            await session.ExecuteAsync("INSERT INTO probe_items (id) VALUES (@id)", new { id });
            await session.EnqueueAsync(new ProbeItemCreated(id));
            await session.CommitAsync();
            ids.Add(id);
        }
        return Results.Json(ids, statusCode: StatusCodes.Status201Created);
    }).AllowAnonymous();
    app.MapGet("/items/count", async (NpgsqlDataSource db, CancellationToken ct) =>
    {
        await using var command = db.CreateCommand("SELECT count(*) FROM probe_items");
        return Results.Ok((long)(await command.ExecuteScalarAsync(ct))!);
    }).AllowAnonymous();
}
await app.StartAsync();
Console.WriteLine("FAULTPROBE READY");
await app.WaitForShutdownAsync();
