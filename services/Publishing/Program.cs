using Cro.Publishing.Features.Catalogue;
using Cro.Publishing.Features.Conferences;
using Cro.Publishing.Features.Partner;
using Cro.Publishing.Features.PersonalData;
using Cro.Publishing.Features.Practices;
using Cro.Publishing.Features.Proposals;
using Cro.Publishing.Features.Template;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddCroJwtAuthentication();
builder.AddDatabase("publishing");
await builder.MigrateDatabaseAsync("publishing");
builder.AddMessaging(typeof(Program).Assembly);
builder.Services.AddValidatorsFromAssemblyContaining<Program>();
builder.Services.AddPractices();
builder.Services.AddConferences(builder.Configuration);
builder.Services.AddCroOpenApi("publishing",
    "Publikacje: dobre praktyki JST (szablon, przegląd, katalog publiczny z wyszukiwaniem po polsku) i konferencje wymiany doświadczeń.");

var app = builder.Build();
app.UseServiceDefaults();
app.UseAuthentication();
app.UseAuthorization();

app.MapCroOpenApi("publishing");
var files = app.Services.GetRequiredService<IOptions<PracticeFileOptions>>().Value;
var api = app.MapGroup("/api/publishing").WithTags("Szablon dobrej praktyki / Good practice template");
api.MapGetTemplate(files.MaxAttachmentBytes, files.MaxPhotoBytes);
app.MapPracticesApi();
app.MapPartnerPractices();
app.MapProposalsApi();
app.MapCatalogueApi();
app.MapGroup("/api/publishing").MapMyPersonalData();
app.MapConferencesApi();
app.Run();

/// <summary>Entry point, visible to integration tests.</summary>
public partial class Program;
