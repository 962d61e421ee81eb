var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddCroJwtAuthentication();
builder.AddDatabase("publishing");
await builder.MigrateDatabaseAsync("publishing");
builder.AddMessaging(typeof(Program).Assembly);
builder.Services.AddValidatorsFromAssemblyContaining<Program>();
builder.Services.AddCroOpenApi("publishing",
    "Publikacje: dobre praktyki JST (szablon, przegląd, katalog publiczny z wyszukiwaniem po polsku) i konferencje wymiany doświadczeń.");

var app = builder.Build();
app.UseServiceDefaults();
app.UseAuthentication();
app.UseAuthorization();

app.MapCroOpenApi("publishing");
app.Run();

/// <summary>Entry point, visible to integration tests.</summary>
public partial class Program;
