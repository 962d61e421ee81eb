using Cro.Publishing.Features.Conferences;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddCroJwtAuthentication();
builder.AddDatabase("publishing");
await builder.MigrateDatabaseAsync("publishing");
builder.AddMessaging(typeof(Program).Assembly);
builder.Services.AddValidatorsFromAssemblyContaining<Program>();
builder.Services.AddConferences(builder.Configuration);
builder.Services.AddCroOpenApi("publishing",
    "Publikacje: dobre praktyki JST (szablon, przegląd, katalog publiczny z wyszukiwaniem po polsku) i konferencje wymiany doświadczeń.");

var app = builder.Build();
app.UseServiceDefaults();
app.UseAuthentication();
app.UseAuthorization();

app.MapCroOpenApi("publishing");
app.MapConferencesApi();
app.Run();

/// <summary>Entry point, visible to integration tests.</summary>
public partial class Program;
