using Cro.BuildingBlocks.Messaging;
using Cro.Notifications.Features.AdvisoryMeetings;
using Cro.Notifications.Features.Delivery;
using Cro.Notifications.Features.PersonalData;
using Cro.ServiceDefaults.Security;
using MassTransit;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddCroJwtAuthentication();
builder.AddDatabase("notifications");
await builder.MigrateDatabaseAsync("notifications");
builder.AddMessaging(typeof(Program).Assembly);
builder.AddMailDelivery();
builder.AddAdvisoryReminders();
builder.Services.AddSingleton<LinkTokens>();
builder.Services.AddCroOpenApi("notifications", "Powiadomienia: wiadomości e-mail wysyłane przez platformę i przypomnienia o spotkaniach doradczych.");

// Mostly a worker; its API lets a person see the mail kept about them, and the parties of an advisory meeting its reminders.
var app = builder.Build();
app.UseServiceDefaults();
app.UseAuthentication();
app.UseAuthorization();

app.MapCroOpenApi("notifications");
var api = app.MapGroup("/api/notifications").WithTags("Powiadomienia / Notifications");
api.MapMyPersonalData();
api.MapAdvisoryReminders();
app.Run();

/// <summary>Entry point, visible to integration tests.</summary>
public partial class Program;
