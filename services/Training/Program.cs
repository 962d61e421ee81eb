using Cro.BuildingBlocks.Messaging;
using Cro.BuildingBlocks.Persistence;
using Cro.ServiceDefaults;
using Cro.ServiceDefaults.Security;
using Cro.Training.Features.Attendance;
using Cro.Training.Features.Calendar;
using Cro.Training.Features.Cohorts;
using Cro.Training.Features.Enrolment;
using Cro.Training.Features.Materials;
using Cro.Training.Features.Programme;
using FluentValidation;
using MassTransit;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddCroJwtAuthentication();
builder.AddDatabase("training");
await builder.MigrateDatabaseAsync("training");
builder.AddMessaging("training", bus => bus.AddConsumers(typeof(Program).Assembly));
builder.Services.AddValidatorsFromAssemblyContaining<Program>();
builder.Services.AddOptions<MaterialsOptions>().BindConfiguration("Training:Materials");
builder.Services.AddCroOpenApi("training", "Szkolenia: program (moduły, efekty uczenia się), materiały, uczestnicy, grupy, zajęcia, obecność, kalendarze.");

var app = builder.Build();
app.UseServiceDefaults();
app.UseAuthentication();
app.UseAuthorization();
await app.SeedProgrammeAsync();

app.MapCroOpenApi("training");
app.MapProgrammeApi();
app.MapMaterialsApi();
app.MapEnrolmentApi();
app.MapCohortsApi();
app.MapAttendanceApi();
app.MapCalendarApi();
app.Run();

/// <summary>Entry point, visible to integration tests.</summary>
public partial class Program;
