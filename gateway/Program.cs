using Cro.Gateway;
using Cro.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddReverseProxy().AddCroRoutes();
// Uploads (materials, imports) are the largest requests; anything larger is refused with 413.
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = RequestSizeLimit.MaxBodyBytes(builder.Configuration));

var app = builder.Build();
app.UseCorrelationId();
app.UseServiceDefaults();
app.UseRequestSizeLimit();
app.MapApiReference();
app.MapReverseProxy();
app.Run();
