using Cro.Monitoring.Features;
using Cro.Monitoring.Features.Advisory;
using Cro.Monitoring.Features.Budget;
using Cro.Monitoring.Features.Conferences;
using Cro.Monitoring.Features.DeadLetters;
using Cro.Monitoring.Features.Diagnosis;
using Cro.Monitoring.Features.EsfParticipants;
using Cro.Monitoring.Features.Plans;
using Cro.Monitoring.Features.Plans.Consultation;
using Cro.Monitoring.Features.Practices;
using Cro.Monitoring.Features.PlansOversight;
using Cro.Monitoring.Features.Recruitment;
using Cro.Monitoring.Features.Registry;
using Cro.Monitoring.Features.Reports;
using Cro.Monitoring.Features.Schools;
using Cro.Monitoring.Features.Training;
using MassTransit;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddCroJwtAuthentication();
builder.AddDatabase("monitoring");
await builder.MigrateDatabaseAsync("monitoring");
builder.AddMessaging(typeof(Program).Assembly);
builder.Services.AddValidatorsFromAssemblyContaining<Program>();
builder.Services.AddDiagnosis();
builder.Services.AddPlans();
builder.Services.AddReports();
builder.Services.AddPlanConsultations(builder.Configuration);
builder.Services.AddDeadLetters();
builder.Services.AddCroOpenApi("monitoring", "Monitorowanie: diagnozy, plany, sprawozdania i wskaźniki programu.");

var app = builder.Build();
app.UseServiceDefaults();
app.UseAuthentication();
app.UseAuthorization();
if (!BuildTimeDocument.IsGenerating)
{
    await app.ImportSchoolRegisterAsync();
    await app.SeedInstrumentAsync();
}

app.MapCroOpenApi("monitoring");
var api = app.MapGroup("/api/monitoring").WithTags("Monitorowanie / Monitoring");
api.MapGetJstSummary();
api.MapGetRecruitmentIndicators();
api.MapGetProgrammeIndicators();
api.MapGetAdvisoryIndicators();
api.MapGetAdvisoryHours();
api.MapGetPracticesSummary();
api.MapGetConferenceIndicators();
api.MapIndicatorDefinitions();
api.MapSchoolsApi();
api.MapBudgetApi();
app.MapDiagnosisApi();
app.MapPlansApi();
app.MapReportsApi();
app.MapPlansOversightApi();
app.MapConsultationApi();
app.MapEsfParticipantsApi();
app.MapDeadLettersApi();
app.Run();

/// <summary>Entry point, visible to integration tests.</summary>
public partial class Program;
