using Cro.BuildingBlocks.Messaging;
using Cro.Training.Features.Access;
using Cro.Training.Features.Attendance;
using Cro.Training.Features.Calendar;
using Cro.Training.Features.Certificates;
using Cro.Training.Features.Cohorts;
using Cro.Training.Features.Enrolment;
using Cro.Training.Features.Exports;
using Cro.Training.Features.Materials;
using Cro.Training.Features.PersonalData;
using Cro.Training.Features.Programme;
using Cro.Training.Features.Progress;
using Cro.Training.Features.Validation;
using FluentValidation;
using MassTransit;
using Npgsql;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddCroJwtAuthentication();
builder.AddDatabase("training");
builder.Services.AddSingleton<IJstScopeSource, TrainingScope>();
builder.Services.AddProgress();
await builder.MigrateDatabaseAsync("training");
builder.AddMessaging(typeof(Program).Assembly);
builder.Services.AddValidatorsFromAssemblyContaining<Program>();
builder.Services.AddOptions<MaterialsOptions>().BindConfiguration("Training:Materials");
builder.Services.AddOptions<ExpiredAttemptsOptions>().BindConfiguration("Training:ExpiredAttempts");
builder.Services.AddHostedService<ExpiredAttempts>();
// Data Protection keeps the credential signing key's private part encrypted; its key ring lives in the service's database.
builder.PersistDataProtectionKeysToDatabase("cro-training");
builder.Services.AddSingleton<CredentialKeys>();
builder.Services.AddCroOpenApi("training", "Szkolenia: program (moduły, efekty uczenia się), materiały, uczestnicy, grupy, zajęcia, obecność, kalendarze, pre-testy i post-testy, wyniki, zaświadczenia (PDF, Open Badges 3.0), eksporty.");

var app = builder.Build();
app.UseServiceDefaults();
app.UseAuthentication();
app.UseAuthorization();
if (!BuildTimeDocument.IsGenerating)
{
    await app.SeedProgrammeAsync();
    await app.Services.GetRequiredService<CredentialKeys>().EnsureAsync(app.Lifetime.ApplicationStopping);
}

app.MapCroOpenApi("training");
app.MapProgrammeApi();
app.MapMaterialsApi();
app.MapEnrolmentApi();
app.MapCohortsApi();
app.MapAttendanceApi();
app.MapCalendarApi();
app.MapValidationApi();
app.MapProgressApi();
app.MapCertificatesApi();
app.MapExportsApi();
app.MapMyPersonalData();
app.Run();

/// <summary>Entry point, visible to integration tests.</summary>
public partial class Program;
