using Cro.ServiceDefaults;
using Cro.Web;
using Cro.Web.Components;
using Cro.Web.Registry;
using Microsoft.AspNetCore.Localization;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
// The site is Polish first: the language changes only when the visitor chooses it, never from the browser's settings.
builder.Services.Configure<RequestLocalizationOptions>(options =>
    options.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()]);
builder.Services.AddRazorComponents();
builder.Services.AddMemoryCache();
builder.Services.AddHttpClient<RegistryClient>(http => http.BaseAddress = new Uri("http://recruitment"));

var app = builder.Build();
app.UseServiceDefaults();
app.UseAntiforgery();
app.MapStaticAssets();
app.MapLanguageSwitch();
app.MapRazorComponents<App>().AllowAnonymous();
app.Run();
