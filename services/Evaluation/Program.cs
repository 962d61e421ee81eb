using Cro.Evaluation.Features.Consultation;
using Cro.Evaluation.Features.PersonalData;
using Cro.Evaluation.Features.Surveys;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddCroJwtAuthentication();
builder.AddDatabase("evaluation");
await builder.MigrateDatabaseAsync("evaluation");
builder.AddMessaging(typeof(Program).Assembly);
builder.Services.AddValidatorsFromAssemblyContaining<Program>();
builder.Services.AddConsultations();
builder.Services.AddSurveys();
builder.Services.AddCroOpenApi("evaluation",
    "Ewaluacja: ankiety po etapach wsparcia z wynikami dla grup, konsultacje i rewizja koncepcji, programów i materiałów.");

var app = builder.Build();
app.UseServiceDefaults();
app.UseAuthentication();
app.UseAuthorization();

app.MapCroOpenApi("evaluation");
app.MapSurveysApi();
app.MapConsultationsApi();
app.MapMyPersonalData();
app.Run();

/// <summary>Entry point, visible to integration tests.</summary>
public partial class Program;
