using Cro.BuildingBlocks.Messaging;
using Cro.Recruitment.Features.Applications;
using Cro.Recruitment.Features.Decisions;
using Cro.Recruitment.Features.Partner;
using Cro.Recruitment.Features.PersonalData;
using Cro.Recruitment.Features.Registry;
using Cro.Recruitment.Features.Rounds;
using FluentValidation;
using MassTransit;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddCroJwtAuthentication();
builder.AddDatabase("recruitment");
await builder.MigrateDatabaseAsync("recruitment");
builder.AddMessaging(typeof(Program).Assembly);
builder.Services.AddValidatorsFromAssemblyContaining<Program>();
builder.Services.AddCroOpenApi("recruitment", "Nabór JST: rejestr JST (TERC), nabory, wnioski, zespoły zadaniowe.");

var app = builder.Build();
app.UseServiceDefaults();
app.UseAuthentication();
app.UseAuthorization();
if (!BuildTimeDocument.IsGenerating)
{
    await app.ImportJstRegistryAsync();
}

app.MapCroOpenApi("recruitment");
app.MapRegistryApi();
app.MapRoundsApi();
app.MapPartnerApi();
app.MapApplicationsApi();
app.MapDecisionsApi();
app.MapGroup("/api/recruitment").MapMyPersonalData();
app.Run();

/// <summary>Entry point, visible to integration tests.</summary>
public partial class Program;
