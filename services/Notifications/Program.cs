using Cro.BuildingBlocks.Messaging;
using Cro.BuildingBlocks.Persistence;
using Cro.Notifications.Features.Delivery;
using Cro.ServiceDefaults;
using MassTransit;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddDatabase("notifications");
await builder.MigrateDatabaseAsync("notifications");
builder.AddMessaging("notifications", bus => bus.AddConsumers(typeof(Program).Assembly));
builder.AddMailDelivery();

// A worker: no API of its own, only /health and /alive for the probes.
var app = builder.Build();
app.UseServiceDefaults();
app.Run();

/// <summary>Entry point, visible to integration tests.</summary>
public partial class Program;
