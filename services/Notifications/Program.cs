using Cro.BuildingBlocks.Messaging;
using Cro.BuildingBlocks.Persistence;
using Cro.Notifications.Features.Delivery;
using Cro.Notifications.Features.PersonalData;
using Cro.ServiceDefaults;
using Cro.ServiceDefaults.Security;
using MassTransit;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddCroJwtAuthentication();
builder.AddDatabase("notifications");
await builder.MigrateDatabaseAsync("notifications");
builder.AddMessaging(typeof(Program).Assembly);
builder.AddMailDelivery();
builder.Services.AddCroOpenApi("notifications", "Powiadomienia: wiadomości e-mail wysyłane przez platformę.");

// Mostly a worker; its one API lets a person see the mail kept about them.
var app = builder.Build();
app.UseServiceDefaults();
app.UseAuthentication();
app.UseAuthorization();

app.MapCroOpenApi("notifications");
app.MapGroup("/api/notifications").WithTags("Powiadomienia / Notifications").MapMyPersonalData();
app.Run();

/// <summary>Entry point, visible to integration tests.</summary>
public partial class Program;
