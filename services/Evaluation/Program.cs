using Cro.Evaluation.Features.Consultation;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddCroJwtAuthentication();
builder.AddDatabase("evaluation");
await builder.MigrateDatabaseAsync("evaluation");
builder.AddMessaging(typeof(Program).Assembly);
builder.Services.AddValidatorsFromAssemblyContaining<Program>();
builder.Services.AddConsultations();
builder.Services.AddCroOpenApi("evaluation",
    "Ewaluacja: ankiety po etapach wsparcia z wynikami dla grup, konsultacje i rewizja koncepcji, programów i materiałów.");

var app = builder.Build();
app.UseServiceDefaults();
app.UseAuthentication();
app.UseAuthorization();

app.MapConsultationsApi();
app.MapCroOpenApi("evaluation");
app.Run();

/// <summary>Entry point, visible to integration tests.</summary>
public partial class Program;
