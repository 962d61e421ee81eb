using Cro.BuildingBlocks.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Cro.Web.Account;
using Cro.Web.Account.Api;
using Cro.Web.Administration;
using Cro.Web.Diagnosis;
using Cro.Web.Plans;
using Cro.Web.Advisory.Api;
using Cro.Web.Publishing;
using Cro.Web.Publishing.Api;
using Cro.Web.Evaluation.Api;
using Cro.Web.Evaluation.Surveys.Operator;
using Cro.Web.Publishing.Conferences.Operator;
using Cro.Web.Publishing.Conferences.Public;
using Cro.Web.Monitoring.Api;
using Cro.Web.Monitoring.Budget;
using Cro.Web.Monitoring.Participants;
using Cro.Web.Recruitment.Api;
using Cro.Web.Recruitment.Operator;
using Cro.Web.Registry.Api;
using Cro.Web.Site;
using Cro.Web.Training;
using Cro.Web.Training.Api;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
// Sign-in cookies and form tokens are protected with Data Protection keys. With a database of its own (the AppHost and
// production give it one) the web keeps them there, so every replica reads what another wrote and a rollout signs
// no one out; without one (tests of single pages) they stay in memory.
if (builder.Configuration.GetConnectionString("web") is not null)
{
    builder.AddDatabase("web");
    await builder.MigrateDatabaseAsync("web");
    builder.PersistDataProtectionKeysToDatabase("cro-web");
}
builder.Services.UseChosenLanguageOnly();
builder.AddWebSignIn();
builder.Services.AddRazorComponents();
builder.Services.AddSingleton(SiteSettings.From(builder.Configuration));
builder.Services.AddTransient<PageStatusFromApi>();
builder.Services.AddTransient<CallerLanguage>();
// Every service call a page makes asks in the page's language, and a refusal or absence it shows makes the page answer 403 or 404.
builder.Services.ConfigureHttpClientDefaults(http => http.AddHttpMessageHandler<CallerLanguage>().AddHttpMessageHandler<PageStatusFromApi>());
builder.Services.AddMemoryCache();
// The clients are generated from the services' OpenAPI documents (ServiceClients.targets); each gets its service's address here.
builder.Services.AddHttpClient<PublicRecruitmentClient>(http => http.BaseAddress = new Uri("http://recruitment"));
builder.Services.AddTransient<RegistryClient>();
builder.Services.AddHttpContextAccessor();
builder.Services.AddTransient<UserAccessTokenHandler>();
builder.Services.AddHttpClient<IdentityClient>(http => http.BaseAddress = new Uri("http://identity"))
    .AddHttpMessageHandler<UserAccessTokenHandler>();
builder.Services.AddHttpClient<RecruitmentClient>(http => http.BaseAddress = new Uri("http://recruitment"))
    .AddHttpMessageHandler<UserAccessTokenHandler>();
// Monitoring limits a plan consultation's comments per participant's address: its calls carry the address the page was asked from.
builder.Services.AddTransient<ForwardedClientAddress>();
builder.Services.AddHttpClient<MonitoringClient>(http => http.BaseAddress = new Uri("http://monitoring"))
    .AddHttpMessageHandler<UserAccessTokenHandler>().AddHttpMessageHandler<ForwardedClientAddress>();
builder.Services.AddHttpClient<EvaluationClient>(http => http.BaseAddress = new Uri("http://evaluation"))
    .AddHttpMessageHandler<UserAccessTokenHandler>();
builder.Services.AddHttpClient<NotificationsClient>(http => http.BaseAddress = new Uri("http://notifications"))
    .AddHttpMessageHandler<UserAccessTokenHandler>();
builder.Services.AddHttpClient<TrainingClient>(http => http.BaseAddress = new Uri("http://training"))
    .AddHttpMessageHandler<UserAccessTokenHandler>();
builder.Services.AddHttpClient<AdvisoryClient>(http => http.BaseAddress = new Uri("http://advisory"))
    .AddHttpMessageHandler<UserAccessTokenHandler>();
// Publishing limits conference registrations per participant's address: its calls carry the address the page was asked from.
builder.Services.AddHttpClient<PublishingClient>(http => http.BaseAddress = new Uri("http://publishing"))
    .AddHttpMessageHandler<UserAccessTokenHandler>().AddHttpMessageHandler<ForwardedClientAddress>();

var app = builder.Build();
app.UseServiceDefaults();
// An address that answers an error without a page of its own gets the site's page for it, in Polish, with its status.
app.UseStatusCodePagesWithReExecute("/blad/{0}", createScopeForStatusCodePages: true);
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.MapStaticAssets().AllowAnonymous();
app.MapLanguageSwitch();
app.MapWebSignIn();
app.MapAuditCsvDownload();
app.MapApplicationsExportDownload();
app.MapPersonalDataDownload();
app.MapTrainingDownloads();
app.MapDiagnosisDownloads();
app.MapPlanDownloads();
app.MapBudgetDownloads();
app.MapPublicCatalogue();
app.MapPublicConferences();
app.MapPracticeDownloads();
app.MapConferenceDownloads();
app.MapSmEfsDownloads();
app.MapSurveyDownloads();
// Each page says who may open it: public pages through the _Imports.razor of their folder (Site/Pages, <Area>/Public), the rest by their own
// policy. The framework's own endpoints (its script, redirections) are public.
app.MapRazorComponents<App>().Add(endpoint =>
{
    if (!endpoint.Metadata.OfType<ComponentTypeMetadata>().Any())
    {
        endpoint.Metadata.Add(new AllowAnonymousAttribute());
    }
});
app.Run();

/// <summary>Entry point, visible to tests.</summary>
public partial class Program;
