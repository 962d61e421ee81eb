using Cro.Advisory.Features.Access;
using Cro.Advisory.Features.Advisors;
using Cro.Advisory.Features.Availability;
using Cro.Advisory.Features.Calendar;
using Cro.Advisory.Features.Dialogue;
using Cro.Advisory.Features.Engagements;
using Cro.Advisory.Features.Meetings;
using Cro.Advisory.Features.PersonalData;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddCroJwtAuthentication();
builder.AddDatabase("advisory");
await builder.MigrateDatabaseAsync("advisory");
builder.Services.AddSingleton<IJstScopeSource, AdvisoryScope>();
builder.AddMessaging(typeof(Program).Assembly);
builder.Services.AddValidatorsFromAssemblyContaining<Program>();
builder.Services.AddOptions<AdvisoryOptions>().BindConfiguration("Advisory");
builder.Services.AddOptions<MeetingOptions>().BindConfiguration("Advisory:Meetings");
builder.Services.AddOptions<EngagementTermEndOptions>().BindConfiguration("Advisory:TermEnd");
builder.Services.AddOptions<DialogueOptions>().BindConfiguration("Advisory:Dialogue");
builder.Services.AddSingleton<Assignment>();
builder.Services.AddSingleton<IEngagementObserver, EngagementMeetings>();
builder.Services.AddHostedService<EngagementTermEnd>();
builder.Services.AddCroOpenApi("advisory",
    "Doradztwo: doradcy, przydziały JST z budżetem godzin, dostępność, rezerwacje spotkań bez kolizji, spotkania odbyte, spotkania dialogowe i debaty oświatowe.");

var app = builder.Build();
app.UseServiceDefaults();
app.UseAuthentication();
app.UseAuthorization();

app.MapCroOpenApi("advisory");
app.MapAdvisorsApi();
app.MapEngagementsApi();
app.MapAvailabilityApi();
app.MapMeetingsApi();
app.MapDialogueApi();
app.MapCalendarApi();
app.MapMyPersonalData();
app.Run();

/// <summary>Entry point, visible to integration tests.</summary>
public partial class Program;
