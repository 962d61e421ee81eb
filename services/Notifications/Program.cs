using Cro.BuildingBlocks.Messaging;
using Cro.Notifications.Features.AdvisoryMeetings;
using Cro.Notifications.Features.Delivery;
using Cro.Notifications.Features.PersonalData;
using Cro.Notifications.Features.Webhooks.Api;
using Cro.Notifications.Features.Webhooks.Delivery;
using Cro.ServiceDefaults.Security;
using FluentValidation;
using MassTransit;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddCroJwtAuthentication();
builder.AddDatabase("notifications");
await builder.MigrateDatabaseAsync("notifications");
builder.AddMessaging(typeof(Program).Assembly);
builder.AddMailDelivery();
builder.AddAdvisoryReminders();
builder.AddWebhookDelivery();
builder.Services.AddValidatorsFromAssemblyContaining<Program>();
builder.Services.AddSingleton<LinkTokens>();
builder.Services.AddCroOpenApi("notifications", "Powiadomienia: wiadomości e-mail wysyłane przez platformę, przypomnienia o spotkaniach doradczych i webhooki partnera (Standard Webhooks).");

// Mostly a worker; its API lets a person see the mail kept about them, the parties of an advisory meeting its reminders,
// and the partner manage its webhooks.
var app = builder.Build();
app.UseServiceDefaults();
app.UseAuthentication();
app.UseAuthorization();

app.MapCroOpenApi("notifications");
var api = app.MapGroup("/api/notifications").WithTags("Powiadomienia / Notifications");
api.MapMyPersonalData();
api.MapAdvisoryReminders();
api.MapWebhooks();
app.Run();

/// <summary>Entry point, visible to integration tests.</summary>
public partial class Program;
